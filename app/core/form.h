/*
 * Form field checks (STYLE.md b: Kore's params only enforce hard
 * limits; the checks users get a message for live here). Each check
 * returns FORM_OK or the reason, which web/ turns into a message next
 * to the field. Lengths count characters (UTF-8 code points).
 */
#ifndef BRON_FORM_H
#define BRON_FORM_H

#include <stddef.h>

enum form_err {
	FORM_OK,
	FORM_EMPTY,
	FORM_TOO_LONG,
	FORM_BAD_CHARS,		/* invalid UTF-8 or control characters */
	FORM_BAD_EMAIL,
	FORM_PW_SHORT,
	FORM_PW_LONG,
	FORM_PW_COMMON,
	FORM_BAD_CHOICE
};

#define FORM_EMAIL_MAX	254
#define FORM_NAME_MAX	60
#define FORM_BIO_MAX	2000
#define FORM_PW_MIN	12
#define FORM_PW_MAX	128

/* Characters (code points) in a valid UTF-8 string. */
size_t		form_chars(const char *);
/* Strip leading and trailing ASCII white space in place. */
char		*form_trim(char *);
/* CRLF and a lone CR (a textarea's line breaks as sent) become LF. */
void		 form_lf(char *);
/*
 * Is item one of the lines of list? list is framed by line breaks
 * ("\na\nb\n", as the editors collect repeated checkboxes); an empty
 * item or one with a line break is in no list.
 */
int		 form_list_has(const char *list, const char *item);
/* A one-line field in place: CRLF, CR, LF and tab each become a space. */
void		 form_oneline(char *);
/* Strip trailing spaces, tabs and LFs in place (leading ones stay). */
char		*form_rtrim(char *);
/* A row id (digits, not 0) copied into out; -1 if it is none or too long. */
int		 form_id(char *, size_t, const char *);
/*
 * A text of at most max characters, not empty when required; newlines
 * and tabs only when multiline.
 */
enum form_err	form_text(const char *, size_t, int, int);
/* An e-mail address (after trimming); lowercases ASCII in place. */
enum form_err	form_email(char *);
/*
 * A new password: FORM_PW_MIN..FORM_PW_MAX characters, not on the
 * common list, not mostly one or two characters, and not the e-mail
 * address or display name (either may be NULL).
 */
enum form_err	form_password(const char *, const char *, const char *);
/* 1 if the password is on the shipped common-password list. */
int		form_pw_common(const char *);
/* Index of v in the NULL-terminated choices, or -1. */
int		form_choice(const char *, const char *const *);

#endif
