import { testDocumentRule } from './testing/rule-tester.ts';
import { validity } from './validity.ts';

const from = new Date('2006-11-01T00:00:00Z');
const until = new Date('2008-12-31T00:00:00Z');

testDocumentRule(validity, {
  valid: [
    { name: 'no date known' },
    { name: 'unparseable date', date: new Date('not a date'), dateSource: 'pdf' },
    { name: 'first day of the period', date: new Date('2006-11-01T00:00:00Z'), dateSource: 'pdf' },
    { name: 'last moment of the last day', date: new Date('2008-12-31T23:59:59.999Z'), dateSource: 'exif' },
    { name: 'new year in Paris is still 31 December in UTC', date: new Date('2009-01-01T00:30:00+01:00'), dateSource: 'xmp' },
  ],
  invalid: [
    {
      name: 'day after the end, from the PDF',
      date: new Date('2009-01-01T00:00:00Z'),
      dateSource: 'pdf',
      drafts: [
        {
          messageId: 'after',
          data: { date: new Date('2009-01-01T00:00:00Z'), source: { fr: 'date de création du PDF', en: 'PDF creation date' }, from, until },
          measured: '2009-01-01',
          expected: '2006-11-01/2008-12-31',
        },
      ],
      messages: [
        "document daté du 1er janvier 2009 (date de création du PDF), après la fin de l'opération : le logo ne peut être utilisé que du 1er novembre 2006 au 31 décembre 2008",
      ],
    },
    {
      name: 'day before the start, from EXIF, in English',
      lang: 'en',
      date: new Date('2006-10-31T23:59:59Z'),
      dateSource: 'exif',
      drafts: [
        {
          messageId: 'before',
          data: { date: new Date('2006-10-31T00:00:00Z'), source: { fr: 'date EXIF de la photo', en: 'EXIF date of the picture' }, from, until },
          measured: '2006-10-31',
          expected: '2006-11-01/2008-12-31',
        },
      ],
      messages: ['document dated 31 October 2006 (EXIF date of the picture), before the operation started: the logo may only be used from 1 November 2006 to 31 December 2008'],
    },
    {
      name: 'date given with --as-of',
      date: new Date('2015-06-15T12:00:00Z'),
      dateSource: 'as-of',
      drafts: [
        {
          messageId: 'after',
          data: { date: new Date('2015-06-15T00:00:00Z'), source: { fr: 'date indiquée avec --as-of', en: 'date given with --as-of' }, from, until },
          measured: '2015-06-15',
          expected: '2006-11-01/2008-12-31',
        },
      ],
      messages: ["document daté du 15 juin 2015 (date indiquée avec --as-of), après la fin de l'opération : le logo ne peut être utilisé que du 1er novembre 2006 au 31 décembre 2008"],
    },
    {
      name: 'date of unknown source',
      date: new Date('2010-03-01T00:00:00Z'),
      drafts: [
        {
          messageId: 'after',
          data: { date: new Date('2010-03-01T00:00:00Z'), source: { fr: 'date du document', en: 'document date' }, from, until },
          measured: '2010-03-01',
          expected: '2006-11-01/2008-12-31',
        },
      ],
    },
    {
      name: 'XMP date',
      date: new Date('2005-01-10T00:00:00Z'),
      dateSource: 'xmp',
      drafts: [
        {
          messageId: 'before',
          data: { date: new Date('2005-01-10T00:00:00Z'), source: { fr: 'date des métadonnées XMP', en: 'XMP metadata date' }, from, until },
          measured: '2005-01-10',
          expected: '2006-11-01/2008-12-31',
        },
      ],
    },
  ],
});
