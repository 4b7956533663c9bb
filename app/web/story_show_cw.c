/*
 * The reader's choice of warnings whose stories they always see at once
 * (account.cw_show), read and shown for the account page
 * (web/account.c). The story page reads it in q_story_page.
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/story.h"
#include "web/story_show.h"
#include "web/view.h"

int
story_cw_read(struct http_request *req, char *buf, size_t len)
{
	struct http_arg	*a;
	struct sbuf	 list;
	size_t		 i;
	int		 on[STORY_WARNINGS], bad = 0;

	memset(on, 0, sizeof(on));
	TAILQ_FOREACH(a, &req->arguments, list) {
		if (strcmp(a->name, "cw") != 0 || a->s_value == NULL)
			continue;
		for (i = 0; i < STORY_WARNINGS; i++)
			if (strcmp(a->s_value, story_warnings[i].word) == 0)
				break;
		if (i == STORY_WARNINGS)
			bad = 1;
		else
			on[i] = 1;
	}
	sbuf_init(&list);
	for (i = 0; i < STORY_WARNINGS; i++)
		if (on[i])
			sbuf_printf(&list, "%s%s", list.len > 0 ? "," : "",
			    story_warnings[i].word);
	(void)kore_strlcpy(buf, sbuf_cstr(&list), len);
	sbuf_free(&list);
	return (bad ? -1 : 0);
}

int
story_cw_choices(struct sbuf *out, enum locale loc, const char *list)
{
	char	padded[160], word[32];
	size_t	i;
	int	rc = 0;

	(void)snprintf(padded, sizeof(padded), ",%s,", list);
	for (i = 0; i < STORY_WARNINGS; i++) {
		(void)snprintf(word, sizeof(word), ",%s,",
		    story_warnings[i].word);
		const struct tpl_bind	b[] = {
			{ "word", story_warnings[i].word, TPL_TEXT },
			{ "name", i18n_get(loc, story_warnings[i].msg),
			    TPL_TEXT },
			{ "checked", strstr(padded, word) != NULL ?
			    " checked" : "", TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_story_show_cw_choice, loc, b,
		    NBINDS(b));
	}
	return (rc == 0 ? 0 : -1);
}
