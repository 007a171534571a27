// The Graphviz C API as PartnerNet's binding (Sources/PartnerNetGraphviz/GraphvizEngine.swift)
// uses it: the public headers of cgraph and gvc, plus wrappers for the calls whose C types
// differ between Graphviz releases.
#ifndef PARTNERNET_CGRAPHVIZ_SHIM_H
#define PARTNERNET_CGRAPHVIZ_SHIM_H

#include <stddef.h>
#include <stdlib.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

// gvRenderData's length is `unsigned int *` before Graphviz 13 and `size_t *` from 13 on.
static inline int partnernet_render_data(GVC_t *gvc, Agraph_t *graph, const char *format, char **result,
                                         size_t *length) {
#if defined(GRAPHVIZ_VERSION_MAJOR) && GRAPHVIZ_VERSION_MAJOR >= 13
    return gvRenderData(gvc, graph, format, result, length);
#else
    unsigned int shortLength = 0;
    int status = gvRenderData(gvc, graph, format, result, &shortLength);
    *length = shortLength;
    return status;
#endif
}

// Graphviz's scanner keeps unread input (the newline after a graph's closing brace) from one
// agmemread to the next, so the next parse counts lines from 2. aglexbad flushes it; it is
// not in the public headers, so it is declared weak and skipped where a release lacks it.
extern void aglexbad(void) __attribute__((weak));
static inline void partnernet_reset_scanner(void) {
    if (aglexbad) aglexbad();
}

// Attribute lookups take `char *` in every release though they do not write to it.
static inline Agsym_t *partnernet_attribute(Agraph_t *graph, int kind, const char *name) {
    return agattr(graph, kind, (char *)name, NULL);
}

// An edge's ends (macros in cgraph.h).
static inline Agnode_t *partnernet_tail(Agedge_t *edge) { return agtail(edge); }
static inline Agnode_t *partnernet_head(Agedge_t *edge) { return aghead(edge); }

// An object's sequence number: edges in the order they were read (a macro in cgraph.h).
static inline unsigned long partnernet_sequence(void *object) { return (unsigned long)AGSEQ(object); }

// The kinds of object attributes belong to (macros in cgraph.h).
static inline int partnernet_kind_graph(void) { return AGRAPH; }
static inline int partnernet_kind_node(void) { return AGNODE; }
static inline int partnernet_kind_edge(void) { return AGEDGE; }

#endif
