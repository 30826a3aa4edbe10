// dom.js — building the scripts' markup: every text is set as text, never
// parsed as HTML, so nothing a visitor typed can become markup.

/* A new element of tag with className (when given) and text (when given). */
export function domElement(tag, className, text) {
	const node = document.createElement(tag);

	if (className)
		node.className = className;
	if (text !== undefined)
		node.textContent = text;
	return node;
}
