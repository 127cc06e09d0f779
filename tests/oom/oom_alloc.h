/* The failing allocator of the allocation-failure test (oom_alloc.c). */
#ifndef OOM_ALLOC_H
#define OOM_ALLOC_H

#include <stddef.h>

/* Count allocations from now on and refuse the at-th (1-based; 0 refuses
** none); with after set, refuse every one from the at-th on. */
void oom_arm(long at, int after);
/* Stop counting (the test's own work); returns the state for oom_resume. */
int oom_pause(void);
void oom_resume(int was);
/* Allocations counted since oom_arm. */
long oom_counted(void);
/* 1 when an allocation was refused since oom_arm. */
int oom_refused(void);
/* The code address that asked for the refused allocation, or NULL. */
void *oom_refused_caller(void);
/* 1 when the function named (an exported symbol: dladdr finds it) was on
** the call stack of the first refused allocation. */
int oom_refused_within(const char *function);
/* 1 when a frame of it was in a library whose file name holds part. */
int oom_refused_in_file(const char *part);
/* Called at each refusal with the code address that asked (set by the test). */
extern void (*oom_on_refusal)(void *caller);
/* Blocks allocated and not freed (every allocation of the process). */
long oom_live(void);

#endif
