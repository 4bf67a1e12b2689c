/* count_of: the number of elements of an array (not of a pointer). */
#ifndef MADOGUCHI_COUNT_OF_H
#define MADOGUCHI_COUNT_OF_H

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

#endif
