/*
 * The help banner (113 Zelfmoordpreventie, De Kindertelefoon, 112): on
 * stories about suicide or self-harm (story_needs_help), on searches
 * that match the help terms (core/helpterms.h) and on items whose tags
 * match them.
 */
#ifndef BRON_WEB_HELP_H
#define BRON_WEB_HELP_H

#include "core/i18n.h"
#include "core/sbuf.h"

/* Append the banner (VIEW_help_banner); -1 on a template error. */
int	help_banner(struct sbuf *, enum locale);
/*
 * The banner when a tag of an article or pilot page (the QA_TAG rows
 * of web/article.h) matches the help terms; else nothing, 0.
 */
struct article_rows;
int	help_banner_tags(struct sbuf *, enum locale,
	    const struct article_rows *);

#endif
