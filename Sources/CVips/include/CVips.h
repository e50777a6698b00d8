// libvips for PlanPress, loaded with dlopen the first time a photo is converted
// (vips_lazy.c): a site without photos never maps libvips and the ~100 libraries
// it pulls in (about 16 MB of every build's memory), and the binary runs where
// libvips is not installed until a photo needs it. libvips's variadic calls are
// wrapped in fixed-argument functions Swift can call.
#ifndef PLANPRESS_CVIPS_H
#define PLANPRESS_CVIPS_H

#include <stddef.h>

/// A libvips image (VipsImage); Swift sees it as an OpaquePointer.
typedef struct pp_image pp_image;

/// Loads and starts libvips once: 0 on success; otherwise -1 and pp_load_error() says why.
int pp_vips_init(void);
/// Why libvips could not be loaded (dlerror's text or the ABI check), or NULL.
const char *pp_load_error(void);

const char *pp_error_buffer(void);
void pp_error_clear(void);
void pp_cache_set_max(int max);

/// The pixel size from the header alone (nothing decoded): 0 on success.
int pp_header(const void *buf, size_t len, int *width, int *height);
/// The name of the libvips loader that reads these bytes ("heifload_buffer", …), or NULL.
const char *pp_loader_for(const void *buf, size_t len);

/// Decoded, orientation applied (EXIF Orientation), at most `width` wide: never upscaled.
/// A truncated file is an error.
int pp_thumbnail_buffer(const void *buf, size_t len, pp_image **out, int width);
int pp_thumbnail_image(pp_image *in, pp_image **out, int width);
/// Exactly width x height: scaled to cover it, then cropped around the most interesting part.
int pp_share_crop(pp_image *in, pp_image **out, int width, int height);

/// A plain card for sharing: a background, an optional bar along the bottom, a caption
/// (small) and a title (large), each wrapped to the width inside the margins; a title
/// too long for the room left is set smaller until it fits. Text is Pango markup.
typedef struct pp_card {
    int width, height, margin, gap, bar_height, caption_max_height, png_compression;
    double background[3], bar_ink[3], caption_ink[3], title_ink[3];
    const char *caption_markup, *caption_font, *caption_fontfile;
    const char *title_markup, *title_font, *title_fontfile;
} pp_card;
/// The card as PNG (no metadata): 0 on success.
int pp_share_card(const pp_card *card, void **buf, size_t *len);

/// Transparency onto white, for JPEG.
int pp_flatten_white(pp_image *in, pp_image **out);
/// Drops every metadata field (EXIF with GPS and camera serial, XMP, IPTC, ICC,
/// orientation) from an image this program owns, so no encoder can write them.
void pp_strip_metadata(pp_image *image);
pp_image *pp_copy_memory(pp_image *image);
int pp_width(pp_image *image);
int pp_height(pp_image *image);
int pp_hasalpha(pp_image *image);
void pp_ref(pp_image *image);
void pp_unref(pp_image *image);
/// Frees what libvips or glib allocated (encoded buffers, checksums).
void pp_free(void *memory);

/// Fixed parameters and no metadata (EXIF, XMP, IPTC, ICC): the same pixels give the same bytes.
int pp_webpsave(pp_image *in, void **buf, size_t *len, int quality);
int pp_jpegsave(pp_image *in, void **buf, size_t *len, int quality);
int pp_pngsave(pp_image *in, void **buf, size_t *len);

/// Hex SHA-256 (glib's), freed with pp_free; NULL when libvips is not loaded.
char *pp_sha256(const void *data, size_t len);

// For tests: a JPEG keeping its metadata, a gradient picture, metadata fields.
int pp_jpegsave_keep(pp_image *in, void **buf, size_t *len);
int pp_test_image(int width, int height, pp_image **out);
void pp_set_string(pp_image *image, const char *name, const char *value);
void pp_set_int(pp_image *image, const char *name, int value);
/// The mean of every pixel's every band of an encoded image.
int pp_mean_buffer(const void *buf, size_t len, double *mean);
/// WebP keeping the image's metadata.
int pp_webpsave_keep(pp_image *in, void **buf, size_t *len);
/// HEIC (HEVC) or AVIF (AV1), keeping the image's metadata.
int pp_heifsave(pp_image *in, void **buf, size_t *len, int av1);

#endif
