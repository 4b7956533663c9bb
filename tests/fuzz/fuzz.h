/*
 * Shared by the libFuzzer harnesses: the entry point's prototype and a
 * CHECK that aborts (so libFuzzer saves the input) when a property fails.
 */
#ifndef BRON_FUZZ_H
#define BRON_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define CHECK(c) do {							\
	if (!(c)) {							\
		fprintf(stderr, "check failed: %s (%s:%d)\n", #c,	\
		    __FILE__, __LINE__);				\
		abort();						\
	}								\
} while (0)

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#endif
