/*
 * Markdown to HTML through cmark in its safe default mode.
 */
#ifndef BRON_MD_H
#define BRON_MD_H

#include <stddef.h>

struct sbuf;

#define MD_MAX_INPUT	(256 * 1024)

/* 0 on success, -1 if the input is too large. Output is appended. */
int	md_render(struct sbuf *, const char *, size_t);

#endif
