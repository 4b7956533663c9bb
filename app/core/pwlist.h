/*
 * The common-password list (common-passwords.txt), compiled into a
 * sorted array by the Makefile (build/pwlist.c).
 */
#ifndef BRON_PWLIST_H
#define BRON_PWLIST_H

#include <stddef.h>

extern const char *const	pwlist[];
extern const size_t		pwlist_n;

#endif
