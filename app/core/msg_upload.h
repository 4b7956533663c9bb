/* Messages of uploads, downloads and members' images (web/upload*.c, image*.c); strings in msg_upload_<locale>.inc. */
#ifndef BRON_MSG_UPLOAD_H
#define BRON_MSG_UPLOAD_H

#define MSG_LIST_UPLOAD(X) \
	X(up_too_big) X(up_empty) X(up_lost) X(up_unreadable) X(up_html) X(up_svg) \
	X(up_zip) X(up_macro) X(up_exe) X(up_unknown) X(up_bad_image) \
	X(up_img_html) X(up_img_svg) X(up_img_other) X(up_limit_hint) \
	X(up_img_limit_hint) \
	X(im_title) X(im_editor_hint) X(im_lead) X(im_private) X(im_quota) X(im_add_heading) \
	X(im_file) X(im_alt) X(im_alt_hint) X(im_alt_empty) X(im_alt_long) \
	X(im_alt_bad) X(im_file_none) X(im_file_again) X(im_add) \
	X(im_quota_full) X(im_busy) X(im_failed) X(im_forbidden) \
	X(im_list_heading) X(im_empty) X(im_code) X(im_used) X(im_unused) \
	X(im_used_others) X(im_added_on) X(im_change_link) X(im_done_added) \
	X(im_done_changed) X(im_done_removed) X(im_change_title) X(im_save) \
	X(im_remove_heading) X(im_remove_intro) X(im_remove) X(im_remove_sure) \
	X(im_remove_used) X(im_remove_unused) X(im_remove_yes) X(im_remove_no) \
	X(im_back)

#endif
