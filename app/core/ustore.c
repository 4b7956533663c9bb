/*
 * Uploaded bytes on disk: temp file, fsync, rename, fsync of the
 * directory (ustore.h).
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "ustore.h"

#define USTORE_PATH_MAX	4096

static int	ustore_mkdir(const char *);
static int	ustore_fsync_dir(const char *);
static int	ustore_write_all(int, const unsigned char *, size_t);

int
ustore_write(const char *dir, const char *token, const void *data,
    size_t len)
{
	char	tmpdir[USTORE_PATH_MAX], tmp[USTORE_PATH_MAX];
	char	dst[USTORE_PATH_MAX];
	int	fd, n, saved;

	if (!ustore_token_valid(token)) {
		errno = EINVAL;
		return (-1);
	}
	n = snprintf(tmpdir, sizeof(tmpdir), "%s/tmp", dir);
	if (n < 0 || (size_t)n >= sizeof(tmpdir)) {
		errno = ENAMETOOLONG;
		return (-1);
	}
	n = snprintf(tmp, sizeof(tmp), "%s/tmp/%s", dir, token);
	if (n < 0 || (size_t)n >= sizeof(tmp)) {
		errno = ENAMETOOLONG;
		return (-1);
	}
	n = snprintf(dst, sizeof(dst), "%s/%s", dir, token);
	if (n < 0 || (size_t)n >= sizeof(dst)) {
		errno = ENAMETOOLONG;
		return (-1);
	}
	if (ustore_mkdir(dir) == -1 || ustore_mkdir(tmpdir) == -1)
		return (-1);

	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
	if (fd == -1)
		return (-1);
	if (ustore_write_all(fd, data, len) == -1 || fsync(fd) == -1) {
		saved = errno;
		(void)close(fd);
		(void)unlink(tmp);
		errno = saved;
		return (-1);
	}
	if (close(fd) == -1 || rename(tmp, dst) == -1) {
		saved = errno;
		(void)unlink(tmp);
		errno = saved;
		return (-1);
	}
	/* The rename is durable only once the directory is. */
	if (ustore_fsync_dir(dir) == -1) {
		saved = errno;
		(void)unlink(dst);
		errno = saved;
		return (-1);
	}
	return (0);
}

void
ustore_token(char out[USTORE_TOKEN_LEN + 1])
{
	unsigned char	raw[USTORE_TOKEN_LEN / 2];

	randombytes_buf(raw, sizeof(raw));
	(void)sodium_bin2hex(out, USTORE_TOKEN_LEN + 1, raw, sizeof(raw));
}

int
ustore_token_valid(const char *s)
{
	size_t	i;

	if (s == NULL)
		return (0);
	for (i = 0; i < USTORE_TOKEN_LEN; i++)
		if (!((s[i] >= '0' && s[i] <= '9') ||
		    (s[i] >= 'a' && s[i] <= 'f')))
			return (0);
	return (s[i] == '\0');
}

void
ustore_sha256(const void *data, size_t len, char out[65])
{
	unsigned char	h[crypto_hash_sha256_BYTES];

	(void)crypto_hash_sha256(h, data, len);
	(void)sodium_bin2hex(out, 65, h, sizeof(h));
}

static int
ustore_mkdir(const char *path)
{
	if (mkdir(path, 0750) == -1 && errno != EEXIST)
		return (-1);
	return (0);
}

static int
ustore_fsync_dir(const char *path)
{
	int	fd, rc;

	if ((fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		return (-1);
	rc = fsync(fd);
	(void)close(fd);
	return (rc);
}

static int
ustore_write_all(int fd, const unsigned char *p, size_t len)
{
	ssize_t	n;

	while (len > 0) {
		n = write(fd, p, len);
		if (n == -1) {
			if (errno == EINTR)
				continue;
			return (-1);
		}
		p += n;
		len -= (size_t)n;
	}
	return (0);
}
