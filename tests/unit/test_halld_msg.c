/* test_halld_msg.c — the tick's UPDATE_CHARACTER_POS frames (halld/msg.c),
 * written by hand for speed, held byte for byte to what jansson writes for the
 * same characters built the way the daemon used to build them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hall.h"

#define TWO_TO_53 9007199254740992.0

/* The jansson value the daemon used for a coordinate: whole pixels as
 * integers below 2^53, everything else a real (NULL when not finite). */
static json_t *jansson_number(double v)
{
	if (v == floor(v) && fabs(v) < TWO_TO_53)
		return json_integer((json_int_t)v);
	return json_real(v);
}

/* One character as the daemon built it with jansson; NULL where jansson
 * refuses it. */
static json_t *jansson_character(const struct charmap_entry *e)
{
	char url[96];
	json_t *c;

	snprintf(url, sizeof(url), "https://github.com/%s.png", e->id);
	c = json_pack("{s:s,s:s,s:o,s:o}", "user_id", e->id, "url", url, "pos_x",
		      jansson_number(e->x), "pos_y", jansson_number(e->y));
	if (c && e->verified)
		json_object_set_new(c, "verified", json_true());
	if (c && e->operator)
		json_object_set_new(c, "operator", json_true());
	return c;
}

/* The whole frame as jansson writes it; a refused character is left out, as
 * json_array_append_new left it out. The caller frees the text. */
static char *jansson_frame(const struct charmap_entry *e, size_t n)
{
	json_t *characters = json_array(), *frame;
	char *text;

	assert_non_null(characters);
	for (size_t i = 0; i < n; i++)
		json_array_append_new(characters, jansson_character(&e[i]));
	frame = json_pack("{s:s,s:o}", "action", "UPDATE_CHARACTER_POS", "characters",
			  characters);
	assert_non_null(frame);
	text = json_dumps(frame, JSON_COMPACT);
	assert_non_null(text);
	json_decref(frame);
	return text;
}

/* The frame as halld writes it, as a string the caller frees. */
static char *halld_frame(const struct charmap_entry *e, size_t n, size_t *count)
{
	struct hall_positions p;
	struct hall_msg *m;
	char *text;

	msg_positions_begin(&p);
	for (size_t i = 0; i < n; i++)
		msg_positions_add(&p, &e[i]);
	if (count)
		*count = p.count;
	m = msg_positions_end(&p);
	assert_non_null(m);
	assert_int_equal(m->refs, 1);
	text = malloc(m->len + 1);
	assert_non_null(text);
	memcpy(text, m->data + LWS_PRE, m->len);
	text[m->len] = '\0';
	/* Nothing between the JSON and its terminator. */
	assert_int_equal(strlen(text), m->len);
	assert_int_equal(m->data[LWS_PRE + m->len], '\0');
	msg_unref(m);
	return text;
}

static void assert_same_as_jansson(const struct charmap_entry *e, size_t n)
{
	char *ours = halld_frame(e, n, NULL), *theirs = jansson_frame(e, n);

	assert_string_equal(ours, theirs);
	free(ours);
	free(theirs);
}

static struct charmap_entry entry(const char *id, double x, double y)
{
	struct charmap_entry e = { 0 };

	snprintf(e.id, sizeof(e.id), "%s", id);
	e.x = x;
	e.y = y;
	return e;
}

/* The text halld writes for one coordinate, taken from a one-character frame. */
static void assert_coordinate_written_as(double v, const char *text)
{
	struct charmap_entry e = entry("octocat", v, 0);
	char *frame = halld_frame(&e, 1, NULL), want[160];

	snprintf(want, sizeof(want),
		 "{\"action\":\"UPDATE_CHARACTER_POS\",\"characters\":[{\"user_id\":\"octocat\","
		 "\"url\":\"https://github.com/octocat.png\",\"pos_x\":%s,\"pos_y\":0}]}", text);
	assert_string_equal(frame, want);
	free(frame);
	assert_same_as_jansson(&e, 1);
}

/* splitmix64: a fixed seed gives the same frames on every run and machine. */
static uint64_t rnd_state;

static uint64_t rnd(void)
{
	uint64_t z = (rnd_state += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/* A uniform double in [0, 1) with all 53 bits random. */
static double rnd_unit(void)
{
	return (double)(rnd() >> 11) / TWO_TO_53;
}

/* A finite coordinate of one of the shapes that format differently. */
static double rnd_coordinate(void)
{
	static const double special[] = {
		-0.0, 0.0, 1e-7, 1e-5, 1e-4, 0.1, 0.5, 1e16, 1e17, 1e21, 1e22, 1e300,
		5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
		TWO_TO_53 - 1, TWO_TO_53, TWO_TO_53 + 2, TWO_TO_53 / 2 - 0.5, TWO_TO_53 / 4 + 0.25,
		-(TWO_TO_53 - 1), -TWO_TO_53, 2 * TWO_TO_53, 2500.0, 2499.9999999999995,
	};
	double v;
	uint64_t bits;

	switch (rnd() % 10) {
	case 0:   /* whole pixels anywhere in the world */
		return (double)(rnd() % 2501);
	case 1:   /* any fraction in the world */
		return rnd_unit() * 2500.0;
	case 2:   /* halves and quarters: short fractions */
		return (double)(rnd() % 10001) / 4.0;
	case 3:   /* tiny magnitudes, subnormals included */
		return ldexp(1.0 + rnd_unit(), -(int)(rnd() % 1075));
	case 4:   /* exponents of ten, the kind %g writes with an "e" */
		return (double)(1 + rnd() % 9) * pow(10.0, (double)((int)(rnd() % 60) - 30));
	case 5:   /* near 2^53, where integers stop and reals take over */
		return TWO_TO_53 + (double)((int64_t)(rnd() % 9) - 4) * (rnd() % 2 ? 1.0 : 0.5);
	case 6:   /* any finite double at all */
		do {
			bits = rnd();
			memcpy(&v, &bits, sizeof(v));
		} while (!isfinite(v));
		return v;
	case 7:   /* negative counterparts of the world's values */
		return -(rnd() % 2 ? (double)(rnd() % 2501) : rnd_unit() * 2500.0);
	default:
		return special[rnd() % (sizeof(special) / sizeof(special[0]))];
	}
}

/* Pieces of an ID: plain characters, every one JSON escapes, and UTF-8 of
 * two, three and four bytes (valid GitHub IDs use none but the first kind;
 * the writer must still be jansson's for all). */
static const char *const id_pieces[] = {
	"a", "Z", "0", "9", "-", "_", ".", " ", "/", "~", "\x7f", "\"", "\\",
	"\x01", "\x02", "\x03", "\x04", "\x05", "\x06", "\x07", "\b", "\t", "\n", "\x0b",
	"\f", "\r", "\x0e", "\x0f", "\x10", "\x11", "\x12", "\x13", "\x14", "\x15", "\x16",
	"\x17", "\x18", "\x19", "\x1a", "\x1b", "\x1c", "\x1d", "\x1e", "\x1f",
	"\xc3\xa9", "\xc2\x80", "\xdf\xbf", "\xe2\x82\xac", "\xe2\x80\xa8", "\xef\xbf\xbf",
	"\xf0\x9f\x98\x80", "\xf4\x8f\xbf\xbf",
};

static void rnd_id(char *id)
{
	size_t len = 0, want = 1 + rnd() % GITHUB_ID_MAX;

	while (len < want) {
		const char *p = id_pieces[rnd() % (sizeof(id_pieces) / sizeof(id_pieces[0]))];
		size_t n = strlen(p);

		if (len + n > GITHUB_ID_MAX)
			break;
		memcpy(id + len, p, n);
		len += n;
	}
	if (!len)
		id[len++] = 'x';
	id[len] = '\0';
}

static size_t rnd_entries(struct charmap_entry *e, size_t max)
{
	size_t n = rnd() % (max + 1);

	for (size_t i = 0; i < n; i++) {
		memset(&e[i], 0, sizeof(e[i]));
		rnd_id(e[i].id);
		e[i].x = rnd_coordinate();
		e[i].y = rnd_coordinate();
		e[i].verified = rnd() % 4 == 0;
		e[i].operator = rnd() % 8 == 0;
	}
	return n;
}

static void an_empty_frame_is_what_jansson_writes_for_no_characters(void **state)
{
	char *frame;

	(void)state;
	frame = halld_frame(NULL, 0, NULL);
	assert_string_equal(frame, "{\"action\":\"UPDATE_CHARACTER_POS\",\"characters\":[]}");
	free(frame);
	assert_same_as_jansson(NULL, 0);
}

static void one_character_is_what_jansson_writes_key_for_key(void **state)
{
	struct charmap_entry e = entry("Octo-Cat", 1250, 640.5);
	char *frame;

	(void)state;
	frame = halld_frame(&e, 1, NULL);
	assert_string_equal(frame,
			    "{\"action\":\"UPDATE_CHARACTER_POS\",\"characters\":[{\"user_id\":"
			    "\"Octo-Cat\",\"url\":\"https://github.com/Octo-Cat.png\","
			    "\"pos_x\":1250,\"pos_y\":640.5}]}");
	free(frame);
	assert_same_as_jansson(&e, 1);
}

static void whole_pixels_are_integers_and_fractions_reals(void **state)
{
	(void)state;
	assert_coordinate_written_as(0, "0");
	assert_coordinate_written_as(640, "640");
	assert_coordinate_written_as(2500, "2500");
	assert_coordinate_written_as(-3, "-3");
	assert_coordinate_written_as(0.5, "0.5");
	assert_coordinate_written_as(0.1, "0.10000000000000001");
	assert_coordinate_written_as(2499.9999999999995, "2499.9999999999995");
}

static void negative_zero_is_written_as_the_integer_zero(void **state)
{
	(void)state;
	assert_coordinate_written_as(-0.0, "0");
}

static void exponents_lose_plus_signs_and_leading_zeros_as_in_jansson(void **state)
{
	(void)state;
	assert_coordinate_written_as(1e-7, "9.9999999999999995e-8");
	assert_coordinate_written_as(1.5e-5, "1.5e-5");
	assert_coordinate_written_as(1e-5, "1.0000000000000001e-5");
	assert_coordinate_written_as(5e-324, "4.9406564584124654e-324");
	assert_coordinate_written_as(1e21, "1e21");
	assert_coordinate_written_as(1e300, "1.0000000000000001e300");
	assert_coordinate_written_as(-1.7976931348623157e308, "-1.7976931348623157e308");
}

static void integers_stop_at_two_to_the_53(void **state)
{
	(void)state;
	assert_coordinate_written_as(TWO_TO_53 - 1, "9007199254740991");
	assert_coordinate_written_as(-(TWO_TO_53 - 1), "-9007199254740991");
	assert_coordinate_written_as(TWO_TO_53, "9007199254740992.0");
	assert_coordinate_written_as(-TWO_TO_53, "-9007199254740992.0");
	assert_coordinate_written_as(TWO_TO_53 + 2, "9007199254740994.0");
	assert_coordinate_written_as(TWO_TO_53 / 2 - 0.5, "4503599627370495.5");
	assert_coordinate_written_as(1e17, "1e17");
}

static void every_character_json_escapes_is_escaped_as_jansson_does(void **state)
{
	struct charmap_entry e[sizeof(id_pieces) / sizeof(id_pieces[0])];
	size_t n = sizeof(id_pieces) / sizeof(id_pieces[0]);
	char all[GITHUB_ID_MAX + 1];
	int c = 1;

	(void)state;
	for (size_t i = 0; i < n; i++)
		e[i] = entry(id_pieces[i], (double)i, 0.25);
	assert_same_as_jansson(e, n);
	/* And all control characters and quotes side by side in one ID. */
	while (c < 0x20) {
		size_t len = 0;

		for (; c < 0x20 && len + 3 <= GITHUB_ID_MAX; c++) {
			all[len++] = (char)c;
			all[len++] = '"';
			all[len++] = '\\';
		}
		all[len] = '\0';
		e[0] = entry(all, 1, 2);
		assert_same_as_jansson(e, 1);
	}
}

static void control_characters_are_unicode_escapes_in_capital_hex(void **state)
{
	struct charmap_entry e = entry("a\x1f\x0b\x01\"\\/\x7f\xc3\xa9", 1, 2);
	char *frame;

	(void)state;
	frame = halld_frame(&e, 1, NULL);
	assert_non_null(strstr(frame, "{\"user_id\":\"a\\u001F\\u000B\\u0001\\\"\\\\/\x7f\xc3\xa9\","));
	free(frame);
	assert_same_as_jansson(&e, 1);
}

static void a_verified_id_says_so_after_its_position(void **state)
{
	struct charmap_entry e[] = { entry("signed-in", 10, 20), entry("not-signed-in", 30, 40) };
	char *frame;

	(void)state;
	e[0].verified = 1;
	frame = halld_frame(e, 2, NULL);
	assert_string_equal(frame,
			    "{\"action\":\"UPDATE_CHARACTER_POS\",\"characters\":[{\"user_id\":"
			    "\"signed-in\",\"url\":\"https://github.com/signed-in.png\","
			    "\"pos_x\":10,\"pos_y\":20,\"verified\":true},{\"user_id\":"
			    "\"not-signed-in\",\"url\":\"https://github.com/not-signed-in.png\","
			    "\"pos_x\":30,\"pos_y\":40}]}");
	free(frame);
	assert_same_as_jansson(e, 2);
}

static void thousands_of_random_frames_match_jansson_byte_for_byte(void **state)
{
	struct charmap_entry e[40];

	(void)state;
	rnd_state = 20261201;
	for (int frame = 0; frame < 20000; frame++) {
		size_t n = rnd_entries(e, 40);
		char *ours = halld_frame(e, n, NULL), *theirs = jansson_frame(e, n);

		if (strcmp(ours, theirs) != 0)
			print_error("frame %d differs\n", frame);
		assert_string_equal(ours, theirs);
		free(ours);
		free(theirs);
	}
}

static void a_non_finite_coordinate_leaves_the_character_out_as_jansson_does(void **state)
{
	struct charmap_entry e[] = {
		entry("first", 1, 2),     entry("nan-x", NAN, 2),      entry("second", 3.5, 4),
		entry("inf-y", 5, INFINITY), entry("minus-inf", -INFINITY, 6),
		entry("both", NAN, -INFINITY), entry("third", 7, 8.25),
	};
	size_t count;
	char *frame;

	(void)state;
	/* jansson has no real for them: json_real refuses, and so the character. */
	assert_null(json_real(NAN));
	assert_null(json_real(INFINITY));
	assert_null(jansson_character(&e[1]));
	frame = halld_frame(e, sizeof(e) / sizeof(e[0]), &count);
	assert_int_equal(count, 3);
	assert_null(strstr(frame, "nan"));
	assert_null(strstr(frame, "inf"));
	assert_null(strstr(frame, "both"));
	free(frame);
	assert_same_as_jansson(e, sizeof(e) / sizeof(e[0]));
	/* A frame of only such characters is the empty frame. */
	frame = halld_frame(&e[1], 1, &count);
	assert_int_equal(count, 0);
	assert_string_equal(frame, "{\"action\":\"UPDATE_CHARACTER_POS\",\"characters\":[]}");
	free(frame);
}

static void assert_coordinate_parsed_back(const json_t *got, double v)
{
	json_t *want = jansson_number(v);

	assert_non_null(got);
	if (json_is_integer(want)) {
		assert_true(json_is_integer(got));
		assert_true(json_integer_value(got) == json_integer_value(want));
		assert_true((double)json_integer_value(got) == v);
	} else {
		double back;

		assert_true(json_is_real(got));
		back = json_real_value(got);
		assert_memory_equal(&back, &v, sizeof(v));   /* bit-exact */
	}
	json_decref(want);
}

static void random_frames_parse_back_to_the_same_ids_and_bit_exact_coordinates(void **state)
{
	struct charmap_entry e[40];
	char url[96];

	(void)state;
	rnd_state = 53;
	for (int frame = 0; frame < 5000; frame++) {
		size_t n = rnd_entries(e, 40);
		char *text = halld_frame(e, n, NULL);
		json_error_t error;
		json_t *j = json_loads(text, 0, &error), *characters;

		if (!j)
			print_error("frame %d: %s at %d\n", frame, error.text, error.position);
		assert_non_null(j);
		assert_int_equal(json_object_size(j), 2);
		assert_string_equal(json_string_value(json_object_get(j, "action")),
				    "UPDATE_CHARACTER_POS");
		characters = json_object_get(j, "characters");
		assert_true(json_is_array(characters));
		assert_int_equal(json_array_size(characters), n);
		for (size_t i = 0; i < n; i++) {
			json_t *c = json_array_get(characters, i);

			assert_int_equal(json_object_size(c), 4u + (e[i].verified != 0) + (e[i].operator != 0));
			if (e[i].verified)
				assert_true(json_is_true(json_object_get(c, "verified")));
			if (e[i].operator)
				assert_true(json_is_true(json_object_get(c, "operator")));
			assert_string_equal(json_string_value(json_object_get(c, "user_id")),
					    e[i].id);
			snprintf(url, sizeof(url), "https://github.com/%s.png", e[i].id);
			assert_string_equal(json_string_value(json_object_get(c, "url")), url);
			assert_coordinate_parsed_back(json_object_get(c, "pos_x"), e[i].x);
			assert_coordinate_parsed_back(json_object_get(c, "pos_y"), e[i].y);
		}
		json_decref(j);
		free(text);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(an_empty_frame_is_what_jansson_writes_for_no_characters),
		cmocka_unit_test(one_character_is_what_jansson_writes_key_for_key),
		cmocka_unit_test(whole_pixels_are_integers_and_fractions_reals),
		cmocka_unit_test(negative_zero_is_written_as_the_integer_zero),
		cmocka_unit_test(exponents_lose_plus_signs_and_leading_zeros_as_in_jansson),
		cmocka_unit_test(integers_stop_at_two_to_the_53),
		cmocka_unit_test(every_character_json_escapes_is_escaped_as_jansson_does),
		cmocka_unit_test(control_characters_are_unicode_escapes_in_capital_hex),
		cmocka_unit_test(a_verified_id_says_so_after_its_position),
		cmocka_unit_test(thousands_of_random_frames_match_jansson_byte_for_byte),
		cmocka_unit_test(a_non_finite_coordinate_leaves_the_character_out_as_jansson_does),
		cmocka_unit_test(random_frames_parse_back_to_the_same_ids_and_bit_exact_coordinates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
