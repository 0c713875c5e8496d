// GMime 3 (Debian's libgmime-3.0-dev) for Loupe's mail intake: a message parsed from bytes, its headers decoded,
// and its parts walked into a flat list Swift can read. GObject's type-check macros cannot be called from Swift,
// so the walk is here, as static inline C.
#ifndef LOUPE_CGMIME_SHIM_H
#define LOUPE_CGMIME_SHIM_H

#include <gmime/gmime.h>
#include <pthread.h>
#include <string.h>

/// One leaf of a message: its type, its file name if any, its decoded size, and its text (UTF-8) when it is a
/// text part that is not an attachment. `inner_message_id` is set on an attached message (message/rfc822).
typedef struct {
    char *content_type;
    char *filename;
    char *text;
    char *format;
    size_t size;
    int is_attachment;
    char *inner_message_id;
} LoupeMailPart;

/// The parts of a message, in document order.
typedef struct {
    LoupeMailPart *items;
    size_t count;
    size_t capacity;
} LoupeMailParts;

static void loupe_gmime_init_once(void) { g_mime_init(); }

/// Initialises GMime once, whichever thread parses first: two threads starting at once used to both run
/// `g_mime_init`, and a parse beside it found no headers (seen in parallel tests).
static inline void loupe_gmime_init(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, loupe_gmime_init_once);
}

/// Parses `length` bytes as a message; NULL when they are not one. Release with `loupe_mail_free`.
static inline GMimeMessage *loupe_mail_parse(const char *bytes, size_t length) {
    loupe_gmime_init();
    GMimeStream *stream = g_mime_stream_mem_new_with_buffer(bytes, length);
    GMimeParser *parser = g_mime_parser_new_with_stream(stream);
    GMimeMessage *message = g_mime_parser_construct_message(parser, NULL);
    g_object_unref(parser);
    g_object_unref(stream);
    return message;
}

static inline void loupe_mail_free(GMimeMessage *message) {
    if (message) g_object_unref(message);
}

/// A header's value, decoded (RFC 2047) and converted to UTF-8; NULL when absent. Free with `g_free`.
static inline char *loupe_mail_header(GMimeMessage *message, const char *name) {
    const char *value = g_mime_object_get_header((GMimeObject *) message, name);
    if (!value) return NULL;
    return g_mime_utils_header_decode_text(NULL, value);
}

/// The `index`th header named `name` (0: the first, in the order received), raw; NULL past the last. Owned by
/// the message. (Authentication-Results comes once per hop that wrote one.)
static inline const char *loupe_mail_header_at(GMimeMessage *message, const char *name, int index) {
    GMimeHeaderList *list = g_mime_object_get_header_list((GMimeObject *) message);
    int count = g_mime_header_list_get_count(list);
    int seen = 0;
    for (int i = 0; i < count; i++) {
        GMimeHeader *header = g_mime_header_list_get_header_at(list, i);
        if (g_ascii_strcasecmp(g_mime_header_get_name(header), name) == 0) {
            if (seen == index) return g_mime_header_get_value(header);
            seen++;
        }
    }
    return NULL;
}

/// The first Subject header, decoded; NULL when absent. Free with `g_free`. (GMime's own accessor keeps the
/// last of duplicated headers; Loupe reads the first, as mail clients show it.)
static inline char *loupe_mail_subject(GMimeMessage *message) {
    return loupe_mail_header(message, "Subject");
}

/// The first Message-ID header without angle brackets; NULL when absent or unreadable. Free with `g_free`.
static inline char *loupe_mail_message_id(GMimeMessage *message) {
    const char *value = g_mime_object_get_header((GMimeObject *) message, "Message-ID");
    return value ? g_mime_utils_decode_message_id(value) : NULL;
}

/// The first From mailbox's address (`want_name` 0) or display name (1); NULL when there is none (owned by
/// the message).
static inline const char *loupe_mail_from(GMimeMessage *message, int want_name) {
    InternetAddressList *list = g_mime_message_get_from(message);
    if (!list || internet_address_list_length(list) < 1) return NULL;
    InternetAddress *address = internet_address_list_get_address(list, 0);
    if (want_name) return internet_address_get_name(address);
    if (!INTERNET_ADDRESS_IS_MAILBOX(address)) return NULL;
    return internet_address_mailbox_get_addr((InternetAddressMailbox *) address);
}

/// The top part's MIME type, e.g. "multipart/report". Free with `g_free`.
static inline char *loupe_mail_top_type(GMimeMessage *message) {
    GMimeObject *body = g_mime_message_get_mime_part(message);
    if (!body) return g_strdup("text/plain");
    return g_mime_content_type_get_mime_type(g_mime_object_get_content_type(body));
}

static inline void loupe_mail_collect(GMimeObject *parent, GMimeObject *part, gpointer data) {
    (void) parent;
    LoupeMailParts *parts = (LoupeMailParts *) data;
    if (GMIME_IS_MULTIPART(part)) return;
    if (parts->count == parts->capacity) {
        parts->capacity = parts->capacity ? parts->capacity * 2 : 8;
        parts->items = g_realloc(parts->items, parts->capacity * sizeof(LoupeMailPart));
    }
    LoupeMailPart *item = &parts->items[parts->count++];
    memset(item, 0, sizeof(*item));
    GMimeContentType *type = g_mime_object_get_content_type(part);
    item->content_type = type ? g_mime_content_type_get_mime_type(type) : g_strdup("application/octet-stream");
    const char *format = type ? g_mime_content_type_get_parameter(type, "format") : NULL;
    item->format = format ? g_strdup(format) : NULL;
    if (GMIME_IS_MESSAGE_PART(part)) {
        GMimeMessage *inner = g_mime_message_part_get_message((GMimeMessagePart *) part);
        const char *id = inner ? g_mime_message_get_message_id(inner) : NULL;
        item->inner_message_id = id ? g_strdup(id) : NULL;
        return;
    }
    if (!GMIME_IS_PART(part)) return;
    GMimePart *leaf = (GMimePart *) part;
    item->is_attachment = g_mime_part_is_attachment(leaf);
    const char *filename = g_mime_part_get_filename(leaf);
    item->filename = filename ? g_strdup(filename) : NULL;
    GMimeDataWrapper *content = g_mime_part_get_content(leaf);
    if (content) {
        GMimeStream *null = g_mime_stream_null_new();
        g_mime_data_wrapper_write_to_stream(content, null);
        item->size = (size_t) ((GMimeStreamNull *) null)->written;
        g_object_unref(null);
    }
    if (!item->is_attachment && GMIME_IS_TEXT_PART(part)) {
        item->text = g_mime_text_part_get_text((GMimeTextPart *) part);
    } else if (!item->is_attachment && content && type && g_mime_content_type_is_type(type, "text", "*")) {
        // A text leaf GMime did not make a GMimeTextPart (no MIME headers at all): its decoded bytes, which
        // Swift reads as UTF-8 (invalid sequences replaced).
        GMimeStream *memory = g_mime_stream_mem_new();
        g_mime_data_wrapper_write_to_stream(content, memory);
        GByteArray *bytes = g_mime_stream_mem_get_byte_array((GMimeStreamMem *) memory);
        item->text = g_strndup((const char *) bytes->data, bytes->len);
        g_object_unref(memory);
    }
}

/// Every leaf part of the message, in order. Release with `loupe_mail_parts_free`.
static inline LoupeMailParts loupe_mail_parts(GMimeMessage *message) {
    LoupeMailParts parts = { NULL, 0, 0 };
    g_mime_message_foreach(message, loupe_mail_collect, &parts);
    return parts;
}

static inline void loupe_mail_parts_free(LoupeMailParts parts) {
    for (size_t i = 0; i < parts.count; i++) {
        g_free(parts.items[i].content_type);
        g_free(parts.items[i].filename);
        g_free(parts.items[i].text);
        g_free(parts.items[i].format);
        g_free(parts.items[i].inner_message_id);
    }
    g_free(parts.items);
}

#endif
