/*
 * Form views: the per-field error messages and the error summary of a
 * form being shown again. A handler records errors by field name, then
 * binds, per field f of its template:
 *   {{{f_error}}}  fv_error_html(): the message paragraph, or ""
 *   {{f_class}}    fv_class(): " has-error" or ""
 *   {{f_ref}}      fv_ref(): " f-error" (for aria-describedby) or ""
 *   {{{f_invalid}}} fv_invalid(): " aria-invalid=\"true\"" or ""
 *   {{{f_aria}}}   fv_aria(): the same plus aria-describedby, for
 *                  fields without a hint of their own
 * and {{{errors}}} with fv_summary(): a list of links to the fields.
 * fv_binds() makes all five for a list of fields at once.
 */
#ifndef BRON_FV_H
#define BRON_FV_H

#include "core/form.h"
#include "core/i18n.h"
#include "core/sbuf.h"
#include "core/tpl.h"

#define FV_FIELDS	12

struct fv_field {
	const char	*name;
	struct sbuf	 html;
	struct sbuf	 text;
	char		 ref[48];
	char		 aria[96];
	char		 keys[5][48];	/* f_class, f_ref, ... */
};

struct fv {
	enum locale	 loc;
	int		 nerr;
	int		 summarized;
	size_t		 n;
	struct fv_field	 f[FV_FIELDS];
	struct sbuf	 summary;
};

void		 fv_init(struct fv *, enum locale);
void		 fv_free(struct fv *);
/* Record msg for field (arg fills a %s in the message, or NULL). */
void		 fv_error(struct fv *, const char *, enum msg_id, const char *);
/* Record the message for a form.c result; returns 1 if it was an error. */
int		 fv_check(struct fv *, const char *, enum form_err, size_t);
/* A message for the whole form (shown in the summary only). */
void		 fv_form_error(struct fv *, enum msg_id, const char *);
const char	*fv_error_html(struct fv *, const char *);
const char	*fv_class(struct fv *, const char *);
const char	*fv_ref(struct fv *, const char *);
const char	*fv_invalid(struct fv *, const char *);
/* For fields without a hint: aria-invalid plus aria-describedby. */
const char	*fv_aria(struct fv *, const char *);
const char	*fv_summary(struct fv *);
/*
 * The binds of a form view: for every field named in fields (NULL-
 * terminated) its five bindings above, then the form's own binds.
 * Returns how many were written to out (at most max).
 */
#define FV_BINDS_PER_FIELD	5
size_t		 fv_binds(struct fv *, const char *const *,
		    const struct tpl_bind *, size_t, struct tpl_bind *, size_t);

#endif
