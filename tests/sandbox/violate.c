/*
 * A deliberately bad module: its handler makes a system call that Kore's
 * seccomp filter does not allow (personality(2)), so the worker is killed.
 * tests/sandbox/run.sh uses it to show that tests/check-kore-log.sh
 * catches a sandbox violation that HTTP checks alone would miss.
 */
#include <sys/syscall.h>

#include <unistd.h>

#include <kore/kore.h>
#include <kore/http.h>

int	violate(struct http_request *);

int
violate(struct http_request *req)
{
	(void)syscall(SYS_personality, 0xffffffff);
	http_response(req, 200, "survived\n", 9);
	return (KORE_RESULT_OK);
}
