// A typedoc plugin: page headings keep their inline code in the page's table of contents and anchors.
// typedoc 0.28 builds a heading's title from its plain-text tokens only, so "## The local emulator (`x`)" is listed
// as "The local emulator ()". A markdown-it core rule gives each inline code token of a heading a text child with the
// same content: typedoc's title reads it, and the heading itself still renders as <code>.
/** @param {import('typedoc').Application} app */
export const load = (app) => {
  const marked = app.renderer.markedPlugin
  const setupParser = marked.setupParser.bind(marked)
  marked.setupParser = () => {
    setupParser()
    marked.parser.core.ruler.push('heading-inline-code-text', (state) => {
      state.tokens.forEach((token, i) => {
        if (token.type !== 'inline' || state.tokens[i - 1]?.type !== 'heading_open') return
        for (const child of token.children ?? []) {
          if (child.type !== 'code_inline' || child.children) continue
          const text = new state.Token('text', '', 0)
          text.content = child.content
          child.children = [text]
        }
      })
    })
  }
}
