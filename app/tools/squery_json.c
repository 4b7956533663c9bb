/*
 * build/squery-json: the JSON search_tsquery() would get for each line
 * of stdin, one line out per line in (an empty line when squery_parse
 * refuses it); with -w squery_words' array for search_suggest() instead.
 * The line's "\n" is not part of the query; any other byte is (NUL, CR,
 * invalid UTF-8). For tests/http/80_search_query.bats: every line's JSON
 * through SQL, no error.
 *
 *	squery-json [-w] < tests/http/search_queries.txt
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/sbuf.h"
#include "core/squery.h"

int
main(int argc, char *argv[])
{
	struct squery	 sq;
	struct sbuf	 sb;
	char		*line = NULL;
	size_t		 cap = 0, len;
	ssize_t		 n;
	int		 words = 0, rc;

	if (argc == 2 && strcmp(argv[1], "-w") == 0)
		words = 1;
	else if (argc != 1) {
		fprintf(stderr, "usage: squery-json [-w] < queries\n");
		return (2);
	}
	sbuf_init(&sb);
	while ((n = getline(&line, &cap, stdin)) != -1) {
		len = (size_t)n;
		if (len > 0 && line[len - 1] == '\n')
			len--;
		sbuf_reset(&sb);
		rc = 0;
		if (squery_parse(&sq, line, len) == SQ_OK)
			rc = words ? squery_words(&sq, &sb) :
			    squery_json(&sq, &sb);
		if (rc == -1) {
			fprintf(stderr, "squery-json: out of memory\n");
			return (1);
		}
		sbuf_putc(&sb, '\n');
		if (fwrite(sb.data, 1, sb.len, stdout) != sb.len) {
			perror("squery-json: stdout");
			return (1);
		}
	}
	if (ferror(stdin)) {
		perror("squery-json: stdin");
		return (1);
	}
	free(line);
	sbuf_free(&sb);
	if (fflush(stdout) == EOF) {
		perror("squery-json: stdout");
		return (1);
	}
	return (0);
}
