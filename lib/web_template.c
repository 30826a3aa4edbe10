/* web_template.c — the functions every template may call besides the cgi
 * kit's: fill, fill2, fill3, datetime and number, for the catalogs' texts
 * (docs/ARCHITECTURE.md, Languages). */
#include "web_internal.h"

#include <stdlib.h>
#include <string.h>

/* The visitor's language as the template's data says it. */
static enum lang_id template_lang(CSPARSE *parse)
{
	return lang_parse(hdf_get_value(parse->hdf, "Page.Lang", NULL)) == LANG_EN ? LANG_EN : LANG_JA;
}

static NEOERR *template_string_result(CSARG *result, char *s)
{
	if (!s)
		return nerr_raise(NERR_NOMEM, "template function result");
	result->op_type = CS_TYPE_STRING;
	result->s = s;
	result->alloc = 1;
	return STATUS_OK;
}

/* fill(text, a), fill2(text, a, b), fill3(text, a, b, c): a catalog text with
 * its {1}, {2}, {3} filled; escaped afterwards like any var:. */
static NEOERR *template_fill_n(CSPARSE *parse, CSARG *args, CSARG *result, int n)
{
	char *text = NULL, *a[3] = { NULL, NULL, NULL };
	const char *av[4] = { NULL, NULL, NULL, NULL };
	char buf[4096];
	NEOERR *err;

	err = n == 1 ? cs_arg_parse(parse, args, "ss", &text, &a[0])
	    : n == 2 ? cs_arg_parse(parse, args, "sss", &text, &a[0], &a[1])
		     : cs_arg_parse(parse, args, "ssss", &text, &a[0], &a[1], &a[2]);
	for (int i = 0; !err && i < n; i++)
		av[i] = a[i] ? a[i] : "";
	if (!err)
		err = template_string_result(result,
					     strdup(lang_fill(buf, sizeof(buf), text ? text : "", av)));
	free(text);
	for (int i = 0; i < 3; i++)
		free(a[i]);
	return nerr_pass(err);
}

static NEOERR *template_fill(CSPARSE *parse, CS_FUNCTION *csf, CSARG *args, CSARG *result)
{
	(void)csf;
	return nerr_pass(template_fill_n(parse, args, result, 1));
}

static NEOERR *template_fill2(CSPARSE *parse, CS_FUNCTION *csf, CSARG *args, CSARG *result)
{
	(void)csf;
	return nerr_pass(template_fill_n(parse, args, result, 2));
}

static NEOERR *template_fill3(CSPARSE *parse, CS_FUNCTION *csf, CSARG *args, CSARG *result)
{
	(void)csf;
	return nerr_pass(template_fill_n(parse, args, result, 3));
}

/* datetime("2026-12-03 12:04:05"): a UTC time as the visitor's language writes it. */
static NEOERR *template_datetime(CSPARSE *parse, CS_FUNCTION *csf, CSARG *args, CSARG *result)
{
	char *t = NULL, buf[64];
	NEOERR *err = cs_arg_parse(parse, args, "s", &t);

	(void)csf;
	if (!err)
		err = template_string_result(result, strdup(lang_datetime(buf, sizeof(buf), t ? t : "",
									 template_lang(parse))));
	free(t);
	return nerr_pass(err);
}

/* number(n): an integer with its digits grouped (1,234,567). */
static NEOERR *template_number(CSPARSE *parse, CS_FUNCTION *csf, CSARG *args, CSARG *result)
{
	char *t = NULL, *end, buf[32];
	NEOERR *err = cs_arg_parse(parse, args, "s", &t);
	long long n;

	(void)csf;
	if (err)
		return nerr_pass(err);
	n = t ? strtoll(t, &end, 10) : 0;
	/* Anything that is not a whole number is shown as it is. */
	if (!t || !*t || *end)
		err = template_string_result(result, strdup(t ? t : ""));
	else
		err = template_string_result(result,
					     strdup(lang_number(buf, sizeof(buf), n, template_lang(parse))));
	free(t);
	return nerr_pass(err);
}

NEOERR *web_template_functions(CSPARSE *cs)
{
	NEOERR *err = cgi_register_strfuncs(cs);

	if (!err)
		err = cs_register_function(cs, "fill", 2, template_fill);
	if (!err)
		err = cs_register_function(cs, "fill2", 3, template_fill2);
	if (!err)
		err = cs_register_function(cs, "fill3", 4, template_fill3);
	if (!err)
		err = cs_register_function(cs, "datetime", 1, template_datetime);
	if (!err)
		err = cs_register_function(cs, "number", 1, template_number);
	return nerr_pass(err);
}
