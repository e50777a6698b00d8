// libvips through dlopen/dlsym: see include/CVips.h. Each function below is the
// call the former header-only shim made, through a pointer resolved once.
#define _GNU_SOURCE
#include "CVips.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// The ABI of the libvips this was written against (Debian 12: libvips42, 8.14);
// VIPS_INIT makes the same check with the header's numbers.
#define PP_VIPS_ABI 42
// Enumerations and glib values, as vips/resample.h, vips/image.h and glib/gchecksum.h define them.
#define PP_VIPS_SIZE_DOWN 2
#define PP_VIPS_FORMAT_UCHAR 0
#define PP_G_CHECKSUM_SHA256 2
#define PP_TRUE 1

static struct {
    int (*init)(const char *);
    int (*version)(int);
    const char *(*error_buffer)(void);
    void (*error_clear)(void);
    void (*cache_set_max)(int);
    int (*thumbnail_buffer)(void *, size_t, pp_image **, int, ...);
    int (*thumbnail_image)(pp_image *, pp_image **, int, ...);
    void *(*array_double_new)(const double *, int);
    void (*area_unref)(void *);
    int (*flatten)(pp_image *, pp_image **, ...);
    char **(*image_get_fields)(pp_image *);
    int (*image_remove)(pp_image *, const char *);
    void (*strfreev)(char **);
    pp_image *(*image_copy_memory)(pp_image *);
    int (*image_get_width)(const pp_image *);
    int (*image_get_height)(const pp_image *);
    int (*image_hasalpha)(pp_image *);
    void *(*object_ref)(void *);
    void (*object_unref)(void *);
    void (*free)(void *);
    int (*webpsave_buffer)(pp_image *, void **, size_t *, ...);
    int (*jpegsave_buffer)(pp_image *, void **, size_t *, ...);
    int (*pngsave_buffer)(pp_image *, void **, size_t *, ...);
    char *(*compute_checksum_for_data)(int, const unsigned char *, size_t);
    int (*xyz)(pp_image **, int, int, ...);
    int (*extract_band)(pp_image *, pp_image **, int, ...);
    int (*bandjoin)(pp_image **, pp_image **, int, ...);
    int (*cast)(pp_image *, pp_image **, int, ...);
    void (*image_set_string)(pp_image *, const char *, const char *);
    void (*image_set_int)(pp_image *, const char *, int);
} vips;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int started = -1;
static char load_error[512];

static int resolve(void *library, void **slot, const char *name) {
    *slot = dlsym(library, name);
    if (*slot) return 0;
    snprintf(load_error, sizeof load_error, "%s: %s", name, dlerror());
    return -1;
}

#define RESOLVE(field, name) if (resolve(library, (void **)&vips.field, name)) return

static void load(void) {
    // PLANPRESS_LIBVIPS names the library file where it is not in the system's search
    // path (and lets tests name one that does not exist); otherwise the runtime
    // package's name (libvips42), then the development link.
    const char *chosen = getenv("PLANPRESS_LIBVIPS");
    void *library = NULL;
    if (chosen && *chosen) {
        library = dlopen(chosen, RTLD_NOW | RTLD_LOCAL);
    } else {
        library = dlopen("libvips.so.42", RTLD_NOW | RTLD_LOCAL);
        if (!library) library = dlopen("libvips.so", RTLD_NOW | RTLD_LOCAL);
    }
    if (!library) {
        snprintf(load_error, sizeof load_error, "%s", dlerror());
        return;
    }
    // dlsym on libvips's handle also finds glib's and gobject's symbols: they are its dependencies.
    RESOLVE(init, "vips_init"); RESOLVE(version, "vips_version");
    RESOLVE(error_buffer, "vips_error_buffer"); RESOLVE(error_clear, "vips_error_clear");
    RESOLVE(cache_set_max, "vips_cache_set_max");
    RESOLVE(thumbnail_buffer, "vips_thumbnail_buffer"); RESOLVE(thumbnail_image, "vips_thumbnail_image");
    RESOLVE(array_double_new, "vips_array_double_new"); RESOLVE(area_unref, "vips_area_unref");
    RESOLVE(flatten, "vips_flatten");
    RESOLVE(image_get_fields, "vips_image_get_fields"); RESOLVE(image_remove, "vips_image_remove");
    RESOLVE(strfreev, "g_strfreev");
    RESOLVE(image_copy_memory, "vips_image_copy_memory");
    RESOLVE(image_get_width, "vips_image_get_width"); RESOLVE(image_get_height, "vips_image_get_height");
    RESOLVE(image_hasalpha, "vips_image_hasalpha");
    RESOLVE(object_ref, "g_object_ref"); RESOLVE(object_unref, "g_object_unref"); RESOLVE(free, "g_free");
    RESOLVE(webpsave_buffer, "vips_webpsave_buffer"); RESOLVE(jpegsave_buffer, "vips_jpegsave_buffer");
    RESOLVE(pngsave_buffer, "vips_pngsave_buffer");
    RESOLVE(compute_checksum_for_data, "g_compute_checksum_for_data");
    RESOLVE(xyz, "vips_xyz"); RESOLVE(extract_band, "vips_extract_band");
    RESOLVE(bandjoin, "vips_bandjoin"); RESOLVE(cast, "vips_cast");
    RESOLVE(image_set_string, "vips_image_set_string"); RESOLVE(image_set_int, "vips_image_set_int");
    int abi = vips.version(3) - vips.version(5);
    if (abi != PP_VIPS_ABI) {
        snprintf(load_error, sizeof load_error, "libvips has ABI version %d, PlanPress needs %d", abi, PP_VIPS_ABI);
        return;
    }
    if (vips.init("planpress") != 0) {
        snprintf(load_error, sizeof load_error, "vips_init: %s", vips.error_buffer());
        return;
    }
    started = 0;
}

int pp_vips_init(void) {
    pthread_once(&once, load);
    return started;
}

const char *pp_load_error(void) { return load_error[0] ? load_error : NULL; }

// Every entry point below runs only after pp_vips_init() returned 0 (ImageConverter
// checks it first); the guards keep a caller that forgot from jumping to NULL.
#define READY(failed) if (pp_vips_init() != 0) return failed

const char *pp_error_buffer(void) { READY(load_error); return vips.error_buffer(); }
void pp_error_clear(void) { READY(); vips.error_clear(); }
void pp_cache_set_max(int max) { READY(); vips.cache_set_max(max); }

int pp_thumbnail_buffer(const void *buf, size_t len, pp_image **out, int width) {
    READY(-1);
    return vips.thumbnail_buffer((void *)buf, len, out, width, "height", 100000, "size", PP_VIPS_SIZE_DOWN, (void *)NULL);
}

int pp_thumbnail_image(pp_image *in, pp_image **out, int width) {
    READY(-1);
    return vips.thumbnail_image(in, out, width, "height", 100000, "size", PP_VIPS_SIZE_DOWN, (void *)NULL);
}

int pp_flatten_white(pp_image *in, pp_image **out) {
    READY(-1);
    double white[3] = {255, 255, 255};
    void *background = vips.array_double_new(white, 3);
    int result = vips.flatten(in, out, "background", background, (void *)NULL);
    vips.area_unref(background);
    return result;
}

static int has_prefix(const char *name, const char *prefix) { return strncmp(name, prefix, strlen(prefix)) == 0; }

void pp_strip_metadata(pp_image *image) {
    READY();
    char **fields = vips.image_get_fields(image);
    for (int i = 0; fields[i]; i++) {
        const char *name = fields[i];
        if (has_prefix(name, "exif-") || has_prefix(name, "xmp-") || has_prefix(name, "iptc-")
            || has_prefix(name, "icc-") || has_prefix(name, "ipct-") || has_prefix(name, "gif-")
            || has_prefix(name, "png-comment") || strcmp(name, "orientation") == 0) {
            vips.image_remove(image, name);
        }
    }
    vips.strfreev(fields);
}

pp_image *pp_copy_memory(pp_image *image) { READY(NULL); return vips.image_copy_memory(image); }
int pp_width(pp_image *image) { READY(0); return vips.image_get_width(image); }
int pp_height(pp_image *image) { READY(0); return vips.image_get_height(image); }
int pp_hasalpha(pp_image *image) { READY(0); return vips.image_hasalpha(image); }
void pp_ref(pp_image *image) { READY(); vips.object_ref(image); }
void pp_unref(pp_image *image) { READY(); vips.object_unref(image); }
void pp_free(void *memory) { READY(); vips.free(memory); }

int pp_webpsave(pp_image *in, void **buf, size_t *len, int quality) {
    READY(-1);
    return vips.webpsave_buffer(in, buf, len, "Q", quality, "strip", PP_TRUE, "effort", 4, (void *)NULL);
}

int pp_jpegsave(pp_image *in, void **buf, size_t *len, int quality) {
    READY(-1);
    return vips.jpegsave_buffer(in, buf, len, "Q", quality, "strip", PP_TRUE, "optimize_coding", PP_TRUE,
                                "interlace", 0, (void *)NULL);
}

int pp_pngsave(pp_image *in, void **buf, size_t *len) {
    READY(-1);
    return vips.pngsave_buffer(in, buf, len, (void *)NULL);
}

char *pp_sha256(const void *data, size_t len) {
    READY(NULL);
    return vips.compute_checksum_for_data(PP_G_CHECKSUM_SHA256, (const unsigned char *)data, len);
}

int pp_jpegsave_keep(pp_image *in, void **buf, size_t *len) {
    READY(-1);
    return vips.jpegsave_buffer(in, buf, len, "Q", 90, (void *)NULL);
}

int pp_test_image(int width, int height, pp_image **out) {
    READY(-1);
    pp_image *x = NULL, *rgb = NULL, *cast = NULL;
    if (vips.xyz(&x, width, height, (void *)NULL)) return -1;
    pp_image *bands[3];
    if (vips.extract_band(x, &bands[0], 0, (void *)NULL)) { vips.object_unref(x); return -1; }
    if (vips.extract_band(x, &bands[1], 1, (void *)NULL)) { vips.object_unref(x); vips.object_unref(bands[0]); return -1; }
    bands[2] = bands[0];
    vips.object_ref(bands[2]);
    int failed = vips.bandjoin(bands, &rgb, 3, (void *)NULL);
    vips.object_unref(bands[0]); vips.object_unref(bands[1]); vips.object_unref(bands[2]); vips.object_unref(x);
    if (failed) return -1;
    failed = vips.cast(rgb, &cast, PP_VIPS_FORMAT_UCHAR, (void *)NULL);
    vips.object_unref(rgb);
    if (failed) return -1;
    *out = cast;
    return 0;
}

void pp_set_string(pp_image *image, const char *name, const char *value) { READY(); vips.image_set_string(image, name, value); }
void pp_set_int(pp_image *image, const char *name, int value) { READY(); vips.image_set_int(image, name, value); }
