/**
 * Finds string literals that read like an English sentence (a capitalised word then two lower-case ones)
 * in TypeScript source, leaving out what no user reads: comments (not literals at all), log calls, thrown
 * errors and error classes' messages. Used by no-english-left.test.ts.
 */
import ts from "typescript";

export interface EnglishLiteral {
  file: string;
  line: number;
  text: string;
}

/** A sentence's start, at the literal's start or after a full stop, colon or question: "Nothing was changed". */
export const ENGLISH_SENTENCE = /(?:^\s*|[.:!?;]\s+)[A-Z][a-z’']+,? [a-z’']+,? [a-z’']+/;

/** Text a literal shows, with each `${…}` as one word, so a template's head and tail read on. */
function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return node.head.text + node.templateSpans.map((s) => `x${s.literal.text}`).join("");
  }
  return undefined;
}

/** Whether the literal is said only to logs or developers: a logger call, a thrown or built error. */
function forDevelopers(node: ts.Node): boolean {
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if (ts.isThrowStatement(at)) return true;
    if (ts.isNewExpression(at) && /Error$/.test(at.expression.getText())) return true;
    if (ts.isCallExpression(at)) {
      const callee = at.expression.getText();
      if (/\blogger\b|^console\./.test(callee) || at.expression.kind === ts.SyntaxKind.SuperKeyword)
        return true;
    }
    if (ts.isFunctionLike(at) || ts.isSourceFile(at)) return false;
  }
  return false;
}

/** The name of the property a literal is the value of (`description: "…"`), if any. */
function propertyName(node: ts.Node): string | undefined {
  const parent = node.parent;
  if (parent && ts.isPropertyAssignment(parent) && parent.initializer === node) return parent.name.getText();
  return undefined;
}

export function englishLiterals(
  file: string,
  source: string,
  skip: (literal: { text: string; property: string | undefined }) => boolean = () => false,
): EnglishLiteral[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: EnglishLiteral[] = [];
  const visit = (node: ts.Node) => {
    const text = literalText(node);
    if (text !== undefined) {
      if (
        ENGLISH_SENTENCE.test(text) &&
        !forDevelopers(node) &&
        !skip({ text, property: propertyName(node) })
      ) {
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
        found.push({ file, line, text });
      }
    }
    // A template's spans may hold more literals (`${ok ? "…" : "…"}`); its head and tail are not visited alone.
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
