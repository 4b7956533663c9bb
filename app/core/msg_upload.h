/* Messages of uploads, downloads and members' images (web/upload*.c, image*.c); strings in msg_upload_<locale>.inc. */
#ifndef BRON_MSG_UPLOAD_H
#define BRON_MSG_UPLOAD_H

#define MSG_LIST_UPLOAD(X) \
	X(up_too_big) X(up_empty) X(up_unreadable) X(up_html) X(up_svg) \
	X(up_zip) X(up_macro) X(up_exe) X(up_unknown) X(up_bad_image) \
	X(up_img_html) X(up_img_svg) X(up_img_other) X(up_limit_hint) \
	X(up_img_limit_hint)

#endif
