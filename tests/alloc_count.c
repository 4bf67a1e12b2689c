/* alloc_count.c: an LD_PRELOAD library that counts the calls of malloc,
 * calloc and realloc a process makes, and appends the count to the file
 * ALLOC_COUNT_FILE names when it exits. For tests/pty_allocs.py. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long calls;
static void *(*real_malloc)(size_t);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);
/* dlsym may call calloc before real_calloc is known: from here. */
static char early[4096];
static size_t early_used;

static void
report(void)
{
	const char *name = getenv("ALLOC_COUNT_FILE");
	FILE *f = name ? fopen(name, "a") : NULL;

	if (f) {
		fprintf(f, "%lu\n", calls);
		fclose(f);
	}
}

__attribute__((constructor)) static void
start(void)
{
	real_malloc = (void *(*)(size_t))dlsym(RTLD_NEXT, "malloc");
	real_realloc = (void *(*)(void *, size_t))dlsym(RTLD_NEXT, "realloc");
	real_calloc = (void *(*)(size_t, size_t))dlsym(RTLD_NEXT, "calloc");
	atexit(report);
}

void *
malloc(size_t size)
{
	if (!real_malloc)
		real_malloc = (void *(*)(size_t))dlsym(RTLD_NEXT, "malloc");
	calls++;
	return real_malloc(size);
}

void *
calloc(size_t n, size_t size)
{
	if (!real_calloc) {
		void *p = early + early_used;

		early_used += (n * size + 15) & ~(size_t)15;
		return early_used <= sizeof early ? memset(p, 0, n * size) : NULL;
	}
	calls++;
	return real_calloc(n, size);
}

void *
realloc(void *p, size_t size)
{
	if (!real_realloc)
		real_realloc = (void *(*)(void *, size_t))dlsym(RTLD_NEXT, "realloc");
	calls++;
	return real_realloc(p, size);
}
