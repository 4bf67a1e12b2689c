/* Replays saved fuzzing inputs through LLVMFuzzerTestOneInput, so that any
 * compiler (with ASan and UBSan) checks the corpus and every crash found:
 * replay FILE_OR_DIR... */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 1 << 16, n = 0;
	uint8_t *buf = malloc(cap);

	if (!f || !buf) {
		fprintf(stderr, "replay: cannot read %s\n", path);
		return 1;
	}
	for (;;) {
		n += fread(buf + n, 1, cap - n, f);
		if (n < cap)
			break;
		buf = realloc(buf, cap *= 2);
	}
	fclose(f);
	LLVMFuzzerTestOneInput(buf, n);
	free(buf);
	return 0;
}

int
main(int argc, char **argv)
{
	size_t done = 0, failed = 0;

	for (int i = 1; i < argc; i++) {
		struct stat st;
		DIR *dir;
		struct dirent *e;

		if (stat(argv[i], &st) != 0 || !S_ISDIR(st.st_mode)) {
			failed += (size_t)replay_file(argv[i]);
			done++;
			continue;
		}
		if (!(dir = opendir(argv[i])))
			continue;
		while ((e = readdir(dir))) {
			char path[4096];

			if (e->d_name[0] == '.')
				continue;
			snprintf(path, sizeof path, "%s/%s", argv[i], e->d_name);
			failed += (size_t)replay_file(path);
			done++;
		}
		closedir(dir);
	}
	printf("%zu passed, %zu failed\n", done - failed, failed);
	return failed ? 1 : 0;
}
