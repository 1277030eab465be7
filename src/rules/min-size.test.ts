import { minSize } from './min-size.ts';
import { testLogoRule } from './testing/rule-tester.ts';

testLogoRule(minSize, {
  valid: [
    { name: 'compliant logo: 400 px at 150 dpi is 67.7 mm' },
    { name: 'width exactly minSize.widthMm', logo: { geometry: { widthMm: 25 } } },
    { name: 'measured millimetres win over pixels', logo: { geometry: { widthPx: 50, widthMm: 30 } } },
    { name: 'image without dpi, wide enough at the assumed dpi', page: { dpi: undefined }, logo: { geometry: { widthPx: 148 } } },
  ],
  invalid: [
    {
      name: 'measured width just under the minimum',
      logo: { geometry: { widthMm: 24.9 } },
      drafts: [{ messageId: 'tooSmall', data: { width: 24.9, min: 25, dpi: 150, minPx: 148 }, measured: 24.9, expected: 25 }],
      messages: ['le logo est trop petit : 24,9 mm de large, la charte demande au moins 25 mm'],
    },
    {
      name: 'width from pixels at the page dpi, in English',
      lang: 'en',
      page: { dpi: 300 },
      logo: { geometry: { widthPx: 250 } },
      drafts: [{ messageId: 'tooSmall', data: { width: (250 / 300) * 25.4, min: 25, dpi: 300, minPx: 296 }, measured: (250 / 300) * 25.4, expected: 25 }],
      messages: ['the logo is too small: 21.2 mm wide, the charter asks for at least 25 mm'],
    },
    {
      name: 'image without dpi: width estimated at minSize.assumedDpi, and said so',
      page: { dpi: undefined },
      logo: { geometry: { widthPx: 100 } },
      drafts: [{ messageId: 'tooSmallAssumedDpi', data: { width: (100 / 150) * 25.4, min: 25, dpi: 150, minPx: 148 }, measured: (100 / 150) * 25.4, expected: 25 }],
      messages: [
        "le logo est trop petit : 16,9 mm de large, la charte demande au moins 25 mm (largeur calculée à 150 dpi, la résolution de l'image n'étant pas indiquée)",
      ],
    },
  ],
});
