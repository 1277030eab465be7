import { nameText } from './name-text.ts';
import { testDocumentRule } from './testing/rule-tester.ts';

const NAME = "Entrepreneurs, faites le choix de l'économie numérique";
const name = { fr: `« ${NAME} »`, en: `“${NAME}”` };

/** The draft for one altered occurrence on page 1 of a text layer. */
function altered(quote: string, similarity: number, page = 1, confidence = 1) {
  return {
    messageId: 'altered',
    data: { page, quote: { fr: `« ${quote} »`, en: `“${quote}”` }, name },
    severity: 'warning' as const,
    measured: quote,
    expected: NAME,
    confidence,
    details: { page, quote, approved: NAME, similarity },
  };
}

testDocumentRule(nameText, {
  valid: [
    { name: 'text not read' },
    { name: 'the approved name in a sentence', texts: `Offre référencée « ${NAME} » depuis 2007.` },
    { name: 'the logo’s tagline form, without the comma, typographic apostrophe', texts: 'Entrepreneurs faites le choix de l’économie numérique' },
    { name: 'in capitals without accents, as French writes capitals', texts: "ENTREPRENEURS, FAITES LE CHOIX DE L'ECONOMIE NUMERIQUE" },
    { name: 'cut by a line break', texts: 'Entrepreneurs, faites le\nchoix de l’économie\nnumérique' },
    { name: 'prose sharing its middle words', texts: "Les entrepreneurs font le choix de l'informatique chez nous." },
    { name: 'the word entrepreneurs alone', texts: 'Nos entrepreneurs travaillent avec des entrepreneurs du numérique.' },
  ],
  invalid: [
    {
      name: 'words changed and dropped (the issue’s example)',
      texts: "Partenaire de l'opération « Entrepreneurs, faites le choix du numérique » depuis 2007.",
      drafts: [altered('Entrepreneurs, faites le choix du numérique', 0.63)],
      messages: ["page 1 : nom de l'opération écrit « Entrepreneurs, faites le choix du numérique » au lieu de « Entrepreneurs, faites le choix de l'économie numérique »"],
    },
    {
      name: 'misspelt word',
      texts: "Entrepreneurs, faites le choix de l'économie numérqiue !",
      drafts: [altered("Entrepreneurs, faites le choix de l'économie numérqiue", 0.97)],
    },
    {
      name: 'accent dropped in lower case, on page 2 read by OCR',
      texts: [
        { page: 1, text: 'Sommaire', source: 'pdf-text', confidence: 1 },
        { page: 2, text: "Entrepreneurs, faites le choix de l'economie numerique", source: 'ocr', confidence: 0.82 },
      ],
      drafts: [altered("Entrepreneurs, faites le choix de l'economie numerique", 0.97, 2, 0.82)],
    },
    {
      name: 'first word changed, and a second occurrence approved',
      lang: 'en',
      texts: `Entreprises, faites le choix de l'économie numérique. ${NAME}.`,
      drafts: [altered("Entreprises, faites le choix de l'économie numérique", 0.96)],
      messages: ["page 1: the operation's name written “Entreprises, faites le choix de l'économie numérique” instead of “Entrepreneurs, faites le choix de l'économie numérique”"],
    },
    {
      name: 'last word dropped',
      texts: "Entrepreneurs, faites le choix de l'économie.",
      drafts: [altered("Entrepreneurs, faites le choix de l'économie", 0.88)],
    },
  ],
});
