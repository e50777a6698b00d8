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
#define PP_VIPS_SIZE_BOTH 0
#define PP_VIPS_SIZE_DOWN 2
#define PP_VIPS_FORMAT_UCHAR 0
#define PP_VIPS_INTERESTING_ATTENTION 3
#define PP_VIPS_ALIGN_LOW 0
#define PP_VIPS_HEIF_HEVC 1
#define PP_VIPS_HEIF_AV1 4
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
    pp_image *(*image_new_from_buffer)(const void *, size_t, const char *, ...);
    const char *(*foreign_find_load_buffer)(const void *, size_t);
    int (*text)(pp_image **, const char *, ...);
    int (*black)(pp_image **, int, int, ...);
    int (*linear)(pp_image *, pp_image **, const double *, const double *, int, ...);
    int (*embed)(pp_image *, pp_image **, int, int, int, int, ...);
    int (*ifthenelse)(pp_image *, pp_image *, pp_image *, pp_image **, ...);
    int (*draw_rect)(pp_image *, double *, int, int, int, int, int, ...);
    int (*heifsave_buffer)(pp_image *, void **, size_t *, ...);
    int (*avg)(pp_image *, double *, ...);
} vips;

static pthread_once_t once = PTHREAD_ONCE_INIT;
// The operations PLANPRESS_VIPS_BLOCK names, as GTypes (pp_loader_for treats them as absent).
static unsigned long blocked_types[8];
static int blocked_count = 0;
static unsigned long (*type_find)(const char *, const char *);
static unsigned long (*type_from_name)(const char *);
static int (*type_is_a)(unsigned long, unsigned long);
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
    RESOLVE(image_new_from_buffer, "vips_image_new_from_buffer");
    RESOLVE(foreign_find_load_buffer, "vips_foreign_find_load_buffer");
    RESOLVE(text, "vips_text"); RESOLVE(black, "vips_black"); RESOLVE(linear, "vips_linear");
    RESOLVE(embed, "vips_embed"); RESOLVE(ifthenelse, "vips_ifthenelse"); RESOLVE(draw_rect, "vips_draw_rect");
    RESOLVE(heifsave_buffer, "vips_heifsave_buffer"); RESOLVE(avg, "vips_avg");
    int abi = vips.version(3) - vips.version(5);
    if (abi != PP_VIPS_ABI) {
        snprintf(load_error, sizeof load_error, "libvips has ABI version %d, PlanPress needs %d", abi, PP_VIPS_ABI);
        return;
    }
    if (vips.init("planpress") != 0) {
        snprintf(load_error, sizeof load_error, "vips_init: %s", vips.error_buffer());
        return;
    }
    // PLANPRESS_VIPS_BLOCK: libvips operations to refuse, comma-separated (libvips's own
    // vips_operation_block_set, 8.13+), e.g. VipsForeignLoadHeif to see what a machine whose
    // libvips reads no HEIF says (tests).
    const char *blocked = getenv("PLANPRESS_VIPS_BLOCK");
    void (*block_set)(const char *, int) = (void (*)(const char *, int))dlsym(library, "vips_operation_block_set");
    type_find = (unsigned long (*)(const char *, const char *))dlsym(library, "vips_type_find");
    type_from_name = (unsigned long (*)(const char *))dlsym(library, "g_type_from_name");
    type_is_a = (int (*)(unsigned long, unsigned long))dlsym(library, "g_type_is_a");
    if (blocked && *blocked && block_set && type_find && type_from_name && type_is_a) {
        char names[256];
        snprintf(names, sizeof names, "%s", blocked);
        char *saved = NULL;
        for (char *name = strtok_r(names, ",", &saved); name; name = strtok_r(NULL, ",", &saved)) {
            block_set(name, PP_TRUE);
            unsigned long type = type_from_name(name);
            if (type && blocked_count < 8) blocked_types[blocked_count++] = type;
        }
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
    // fail_on truncated: a cut-off file is an error, never a picture padded with grey.
    // (libvips 8.14 hands the "fail_on" argument of thumbnail_buffer to no loader; the loader's
    // options string does reach it.)
    return vips.thumbnail_buffer((void *)buf, len, out, width, "height", 100000, "size", PP_VIPS_SIZE_DOWN,
                                 "option_string", "fail_on=truncated", (void *)NULL);
}

int pp_header(const void *buf, size_t len, int *width, int *height) {
    READY(-1);
    // Opening an image reads its header only: no pixel is decoded until one is asked for.
    pp_image *image = vips.image_new_from_buffer(buf, len, "", (void *)NULL);
    if (!image) return -1;
    *width = vips.image_get_width(image);
    *height = vips.image_get_height(image);
    vips.object_unref(image);
    return 0;
}

const char *pp_loader_for(const void *buf, size_t len) {
    READY(NULL);
    const char *name = vips.foreign_find_load_buffer(buf, len);
    // libvips finds a blocked loader but will not run it: as good as absent.
    for (int i = 0; name && i < blocked_count; i++) {
        if (type_is_a(type_find("VipsOperation", name), blocked_types[i])) return NULL;
    }
    return name;
}

int pp_share_crop(pp_image *in, pp_image **out, int width, int height) {
    READY(-1);
    // Scaled to cover width x height (up if need be), then cut to it around the most
    // interesting part (libvips's "attention": edges, skin tones, saturation).
    return vips.thumbnail_image(in, out, width, "height", height, "size", PP_VIPS_SIZE_BOTH,
                                "crop", PP_VIPS_INTERESTING_ATTENTION, (void *)NULL);
}

// A width x height image of one colour, in memory (drawn on below).
static pp_image *solid(int width, int height, const double rgb[3]) {
    pp_image *black = NULL, *coloured = NULL, *cast = NULL;
    double zero[3] = {0, 0, 0};
    if (vips.black(&black, width, height, "bands", 3, (void *)NULL)) return NULL;
    int failed = vips.linear(black, &coloured, zero, rgb, 3, (void *)NULL);
    vips.object_unref(black);
    if (failed) return NULL;
    failed = vips.cast(coloured, &cast, PP_VIPS_FORMAT_UCHAR, (void *)NULL);
    vips.object_unref(coloured);
    if (failed) return NULL;
    pp_image *memory = vips.image_copy_memory(cast);
    vips.object_unref(cast);
    return memory;
}

// Text as a one-band coverage mask (0-255), at most `width` wide; when it is taller
// than `max_height`, rendered again at the size that fits (libvips's autofit).
static pp_image *text_mask(const char *markup, const char *font, const char *fontfile, int width, int max_height) {
    pp_image *mask = NULL;
    if (vips.text(&mask, markup, "font", font, "width", width, "align", PP_VIPS_ALIGN_LOW, "dpi", 72,
                  fontfile ? "fontfile" : NULL, fontfile, (void *)NULL)) return NULL;
    if (vips.image_get_height(mask) <= max_height) return mask;
    vips.object_unref(mask);
    mask = NULL;
    if (vips.text(&mask, markup, "font", font, "width", width, "height", max_height, "align", PP_VIPS_ALIGN_LOW,
                  fontfile ? "fontfile" : NULL, fontfile, (void *)NULL)) return NULL;
    return mask;
}

// `ink` where the mask covers (blended at the glyphs' anti-aliased edges), `base` elsewhere.
static pp_image *paint(pp_image *base, pp_image *mask, int left, int top, const double ink[3]) {
    pp_image *placed = NULL, *colour = NULL, *out = NULL;
    if (vips.embed(mask, &placed, left, top, vips.image_get_width(base), vips.image_get_height(base), (void *)NULL)) return NULL;
    colour = solid(vips.image_get_width(base), vips.image_get_height(base), ink);
    if (!colour) { vips.object_unref(placed); return NULL; }
    int failed = vips.ifthenelse(placed, colour, base, &out, "blend", PP_TRUE, (void *)NULL);
    vips.object_unref(placed);
    vips.object_unref(colour);
    if (failed) return NULL;
    pp_image *memory = vips.image_copy_memory(out);
    vips.object_unref(out);
    return memory;
}

int pp_share_card(const pp_card *card, void **buf, size_t *len) {
    READY(-1);
    int inner = card->width - 2 * card->margin;
    pp_image *image = solid(card->width, card->height, card->background);
    if (!image) return -1;
    if (card->bar_height > 0) {
        double ink[3] = {card->bar_ink[0], card->bar_ink[1], card->bar_ink[2]};
        if (vips.draw_rect(image, ink, 3, 0, card->height - card->bar_height, card->width, card->bar_height,
                           "fill", PP_TRUE, (void *)NULL)) { vips.object_unref(image); return -1; }
    }
    int title_top = card->margin;
    if (card->caption_markup && *card->caption_markup) {
        pp_image *caption = text_mask(card->caption_markup, card->caption_font, card->caption_fontfile, inner, card->caption_max_height);
        if (!caption) { vips.object_unref(image); return -1; }
        pp_image *painted = paint(image, caption, card->margin, card->margin, card->caption_ink);
        title_top = card->margin + vips.image_get_height(caption) + card->gap;
        vips.object_unref(caption);
        vips.object_unref(image);
        if (!painted) return -1;
        image = painted;
    }
    int room = card->height - card->bar_height - card->margin - title_top;
    pp_image *title = text_mask(card->title_markup, card->title_font, card->title_fontfile, inner, room);
    if (!title) { vips.object_unref(image); return -1; }
    pp_image *painted = paint(image, title, card->margin, title_top, card->title_ink);
    vips.object_unref(title);
    vips.object_unref(image);
    if (!painted) return -1;
    int result = vips.pngsave_buffer(painted, buf, len, "compression", card->png_compression, "strip", PP_TRUE, (void *)NULL);
    vips.object_unref(painted);
    return result;
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

int pp_mean_buffer(const void *buf, size_t len, double *mean) {
    READY(-1);
    pp_image *image = vips.image_new_from_buffer(buf, len, "", (void *)NULL);
    if (!image) return -1;
    int result = vips.avg(image, mean, (void *)NULL);
    vips.object_unref(image);
    return result;
}

int pp_webpsave_keep(pp_image *in, void **buf, size_t *len) {
    READY(-1);
    return vips.webpsave_buffer(in, buf, len, "Q", 80, (void *)NULL);
}

int pp_heifsave(pp_image *in, void **buf, size_t *len, int av1) {
    READY(-1);
    return vips.heifsave_buffer(in, buf, len, "compression", av1 ? PP_VIPS_HEIF_AV1 : PP_VIPS_HEIF_HEVC, "Q", 60,
                                (void *)NULL);
}
