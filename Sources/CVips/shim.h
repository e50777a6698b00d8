// libvips for PlanPress: its variadic C calls wrapped in fixed-argument functions Swift can call.
#include <vips/vips.h>

static inline int pp_vips_init(void) { return VIPS_INIT("planpress"); }

/// Decoded, orientation applied (EXIF Orientation), at most `width` wide: never upscaled.
static inline int pp_thumbnail_buffer(const void *buf, size_t len, VipsImage **out, int width) {
    return vips_thumbnail_buffer((void *)buf, len, out, width, "height", 100000, "size", VIPS_SIZE_DOWN, NULL);
}

static inline int pp_thumbnail_image(VipsImage *in, VipsImage **out, int width) {
    return vips_thumbnail_image(in, out, width, "height", 100000, "size", VIPS_SIZE_DOWN, NULL);
}

/// Transparency onto white, for JPEG.
static inline int pp_flatten_white(VipsImage *in, VipsImage **out) {
    double white[3] = {255, 255, 255};
    VipsArrayDouble *background = vips_array_double_new(white, 3);
    int result = vips_flatten(in, out, "background", background, NULL);
    vips_area_unref(VIPS_AREA(background));
    return result;
}

/// Drops every metadata field (EXIF with GPS and camera serial, XMP, IPTC, ICC,
/// orientation) from an image this program owns, so no encoder can write them.
static inline void pp_strip_metadata(VipsImage *image) {
    gchar **fields = vips_image_get_fields(image);
    for (int i = 0; fields[i]; i++) {
        const char *name = fields[i];
        if (g_str_has_prefix(name, "exif-") || g_str_has_prefix(name, "xmp-") || g_str_has_prefix(name, "iptc-")
            || g_str_has_prefix(name, "icc-") || g_str_has_prefix(name, "ipct-") || g_str_has_prefix(name, "gif-")
            || g_str_has_prefix(name, "png-comment") || g_str_equal(name, "orientation")) {
            vips_image_remove(image, name);
        }
    }
    g_strfreev(fields);
}

/// Fixed parameters and no metadata (EXIF, XMP, IPTC, ICC): the same pixels give the same bytes.
static inline int pp_webpsave(VipsImage *in, void **buf, size_t *len, int quality) {
    return vips_webpsave_buffer(in, buf, len, "Q", quality, "strip", TRUE, "effort", 4, NULL);
}

static inline int pp_jpegsave(VipsImage *in, void **buf, size_t *len, int quality) {
    return vips_jpegsave_buffer(in, buf, len, "Q", quality, "strip", TRUE, "optimize_coding", TRUE, "interlace", FALSE, NULL);
}

static inline int pp_pngsave(VipsImage *in, void **buf, size_t *len) {
    return vips_pngsave_buffer(in, buf, len, NULL);
}

/// A JPEG keeping its metadata (tests: a phone photo with EXIF).
static inline int pp_jpegsave_keep(VipsImage *in, void **buf, size_t *len) {
    return vips_jpegsave_buffer(in, buf, len, "Q", 90, NULL);
}

/// A test picture: a gradient `width` × `height`, three bands.
static inline int pp_test_image(int width, int height, VipsImage **out) {
    VipsImage *x = NULL, *rgb = NULL, *cast = NULL;
    if (vips_xyz(&x, width, height, NULL)) return -1;
    VipsImage *bands[3];
    if (vips_extract_band(x, &bands[0], 0, NULL)) { g_object_unref(x); return -1; }
    if (vips_extract_band(x, &bands[1], 1, NULL)) { g_object_unref(x); g_object_unref(bands[0]); return -1; }
    bands[2] = bands[0];
    g_object_ref(bands[2]);
    int failed = vips_bandjoin(bands, &rgb, 3, NULL);
    g_object_unref(bands[0]); g_object_unref(bands[1]); g_object_unref(bands[2]); g_object_unref(x);
    if (failed) return -1;
    failed = vips_cast(rgb, &cast, VIPS_FORMAT_UCHAR, NULL);
    g_object_unref(rgb);
    if (failed) return -1;
    *out = cast;
    return 0;
}

static inline char *pp_sha256(const void *data, size_t len) {
    return g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)data, len);
}
