/*
 * build/squery-json: the JSON search_tsquery() would get for each line
 * of stdin, one line out per line in (an empty line when squery_parse
 * refuses it). The line's "\n" is not part of the query; any other byte
 * is (NUL, CR, invalid UTF-8). For tests/http/80_search_query.bats:
 * every line's JSON through SQL, no error.
 *
 *	squery-json < tests/http/search_queries.txt
 */
#include <stdio.h>
#include <stdlib.h>

#include "core/sbuf.h"
#include "core/squery.h"

int
main(void)
{
	struct squery	 sq;
	struct sbuf	 sb;
	char		*line = NULL;
	size_t		 cap = 0, len;
	ssize_t		 n;

	sbuf_init(&sb);
	while ((n = getline(&line, &cap, stdin)) != -1) {
		len = (size_t)n;
		if (len > 0 && line[len - 1] == '\n')
			len--;
		sbuf_reset(&sb);
		if (squery_parse(&sq, line, len) == SQ_OK &&
		    squery_json(&sq, &sb) == -1) {
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
