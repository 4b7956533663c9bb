/* Messages of the article pages (names only; strings in msg_article_<locale>.inc). */
#ifndef BRON_MSG_ARTICLE_H
#define BRON_MSG_ARTICLE_H

#define MSG_LIST_ARTICLE(X)

#endif
