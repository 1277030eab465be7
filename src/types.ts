// Domain types shared by the pipeline: ingest → detect → inspect → rules → report.
import type { FileLimits } from './batch/limits.ts';
import type { Charter, ElementId, Medium } from './charter/schema.ts';

export type { Charter, ElementId, Medium };

/** [x, y, width, height] in pixels of the analysed raster. */
export type BBox = [number, number, number, number];

/** A text run of a PDF text layer, placed in raster pixels. */
export interface TextRun {
  text: string;
  bbox: BBox;
}

/** Running text of one page as read: a PDF's text layer, a web page's text, or OCR of the raster. */
export interface PageText {
  /** 1-based page number within its file. */
  page: number;
  text: string;
  source: 'pdf-text' | 'html' | 'ocr';
  /** 0..1: how sure the reading is (1 for a text layer or HTML; Tesseract's for OCR). */
  confidence: number;
}

/** One raster page, RGBA in sRGB, 8 bits per channel. */
export interface Page {
  /** 1-based page number within its file. */
  index: number;
  width: number;
  height: number;
  rgba: Uint8Array;
  /** Resolution the page was rendered or scanned at, when known. */
  dpi?: number;
  /** Text layer (PDF only); empty for images. */
  textRuns: TextRun[];
}

export type SourceKind = 'png' | 'jpeg' | 'tiff' | 'webp' | 'gif' | 'avif' | 'svg' | 'pdf' | 'heif' | 'jp2';

export interface DocumentMetadata {
  /** Creation date from the PDF Info/XMP or EXIF DateTimeOriginal/DateTime. */
  created?: Date;
  modified?: Date;
}

/** An opened input file: pages are rendered one at a time to keep memory flat. */
export interface SourceDocument {
  path: string;
  kind: SourceKind;
  pageCount: number;
  metadata: DocumentMetadata;
  renderPage(index: number): Promise<Page>;
  close(): Promise<void>;
}

/** A 3×3 homography, row-major, mapping reference artwork units to page pixels. */
export type Homography = [number, number, number, number, number, number, number, number, number];

/** One instance of the logo found on a page. */
export interface Detection {
  /** Page-pixel box of the whole logo (reference frame projected), clipped to nothing: may leave the page. */
  bbox: BBox;
  homography: Homography;
  /** 0..1: how sure the detector is that this is the logo. */
  confidence: number;
  /** Whether the reference matched mirrored. */
  mirrored: boolean;
  /** Element whose outline led to the logo (the charter's detection anchors). */
  anchor: ElementId;
}

/** CIE L*a*b* (D65). */
export interface Lab {
  L: number;
  a: number;
  b: number;
}

/** Colour measured on one palette region of one element. */
export interface ColourMeasurement {
  /** Palette entry the charter expects there (e.g. "blue"). */
  expected: string;
  measured: Lab;
  measuredHex: string;
  /** CIEDE2000 between measured and the palette colour. */
  deltaE: number;
  /** Charter tolerance for that palette entry. */
  tolerance: number;
  /** Pixels sampled. */
  samples: number;
  /** One standard deviation of deltaE from what the capture adds (noise, compression, too few pixels). */
  uncertainty: number;
}

export interface ElementMeasurement {
  id: ElementId;
  /** Fraction of the element's reference box that lies on the page (1 = not cut). */
  visibleFraction: number;
  /** 0..1 likeness of the element's registered pixels to the reference (structure, colour-blind). */
  likeness: number;
  /** Outline energy over the artwork's (1 = as much drawn as the artwork has; 0 = blank). */
  outlineStrength: number;
  present: boolean;
  colours: ColourMeasurement[];
}

/** What the registration says about the logo's shape on the page. */
export interface GeometryMeasurement {
  /** Rendered width and height of the whole logo in page pixels. */
  widthPx: number;
  heightPx: number;
  /** Width in millimetres when the page dpi is known. */
  widthMm?: number;
  /** Ratio of horizontal to vertical scale (1 = undistorted). */
  aspectRatio: number;
  /** Shear angle in degrees (0 = none). */
  skewDeg: number;
  /** Rotation in degrees, (-180, 180]. */
  rotationDeg: number;
  mirrored: boolean;
  /** Perspective strength (0 = affine). */
  perspective: number;
  /** One standard deviation of each measure, from the registration's precision at this size. */
  precision: { aspect: number; skewDeg: number; rotationDeg: number };
}

export type TextSource = 'pdf-text' | 'ocr' | 'artwork';

export interface TextMeasurement {
  /** Text read, normalised for whitespace; null when nothing could be read. */
  text: string | null;
  source: TextSource | null;
  /** Approved value it matched exactly (variant id for the badge, 'tagline' for the tagline), or null. */
  match: string | null;
  /** 0..1 likeness to the closest approved value. */
  similarity: number;
  /** Closest approved value (variant id or 'tagline'). */
  closest: string | null;
  /** 0..1: how sure the reading is (a PDF's own text is certain; OCR of small or blurred letters is not). */
  confidence: number;
}

/** A mark found inside the logo that the reference does not have. */
export interface AdditionRegion {
  bbox: BBox;
  /** Share of the logo's area it covers. */
  areaFraction: number;
  /** Whether it matched the partner's own logo (allowed by Article X). */
  partnerLogo: boolean;
  /** 0..1: how sure it is a mark and not capture noise (its size against what noise of that level makes). */
  confidence: number;
}

/** A text the capture does not let inspection read reliably, and what was measured. */
export interface Unverifiable {
  check: 'badge-text' | 'tagline-text';
  element: ElementId;
  /** 'accents-too-small': the words were matched on the artwork, their accents and dots too small to see. */
  reason: 'too-small' | 'too-blurred' | 'accents-too-small';
  /** Height of the text's lowercase letters in page pixels. */
  textHeightPx: number;
}

export interface ClearSpaceMeasurement {
  /** Margin the charter asks for, in page pixels. */
  marginPx: number;
  /** Share of the clear-space band occupied by other content. */
  occupiedFraction: number;
}

/** Everything measured once on one logo; rules only read this. */
export interface LogoMeasurement {
  detection: Detection;
  geometry: GeometryMeasurement;
  elements: Record<ElementId, ElementMeasurement>;
  /** True when every element is drawn in neutral (grey) ink or a single hue. */
  monochrome: boolean;
  badge: TextMeasurement;
  tagline: TextMeasurement;
  additions: AdditionRegion[];
  clearSpace: ClearSpaceMeasurement;
  /** Edges of the page that cut the logo. */
  croppedEdges: Array<'left' | 'top' | 'right' | 'bottom'>;
  /** Fraction of the logo's area that lies on the page. */
  visibleFraction: number;
  /** Capture noise, one σ in grey levels, measured on the logo's flat inks. */
  noise: number;
  /** Capture blur: σ in page pixels of the Gaussian that makes the artwork look like the logo. */
  blur: number;
  /** Checks the capture did not allow, with why. */
  unverifiable: Unverifiable[];
}

/** documentation: what the offer's documentation must state (Annex 2.2, Article VII); site: where the offer sits on the partner's site (Article VIII). */
export type FindingKind = 'modification' | 'addition' | 'deletion' | 'placement' | 'period' | 'unverified' | 'documentation' | 'site';
export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'fr' | 'en';

export interface Finding {
  rule: string;
  kind: FindingKind;
  severity: Severity;
  /** Article of the terms the finding enforces, e.g. "Article X". */
  article: string;
  message: string;
  /** What to do about it, in the same language as the message. */
  fix?: string;
  /** Element concerned, when the finding is about one. */
  element?: ElementId;
  measured?: string | number | boolean | null;
  expected?: string | number | boolean | null;
  /** Set when a declared medium allows this adaptation (Article X, second paragraph). */
  waivedBy?: string;
  /** 0..1: how sure the measurement behind the finding is; an error needs charter.verdict.minConfidence. */
  confidence?: number;
  /** What a script needs beyond the message, e.g. the documentation items `missing`, quotes with their page. */
  data?: FindingData;
}

export type FindingData = Record<string, string | number | string[] | Array<Record<string, string | number>>>;

/** Options of one check run: what the user declared about the material. */
export interface CheckOptions {
  charter: Charter;
  /** Badge variant id the partner is entitled to (Article II: by category of offer). */
  category?: string;
  /** Medium id from charter.media whose adaptations Article X allows. */
  medium?: string;
  /** Date to judge the validity period against, overriding document dates. */
  asOf?: Date;
  lang: Lang;
  /** The partner's own logo: the one addition Article X allows. */
  partnerLogo?: string;
  /** PDF rendering resolution; default 150. */
  dpi?: number;
  /** Password of encrypted PDFs. */
  password?: string;
  /** What one file may cost; defaults from src/batch/limits.ts. */
  limits?: Partial<FileLimits>;
  /**
   * Judge the offer documentation (Annex 2.2, Article VII) of every document, reading pages without
   * a text layer by OCR; otherwise only documents with a logo and a text layer are judged.
   */
  documentation?: boolean;
}

export interface LogoResult {
  bbox: BBox;
  confidence: number;
  /** Approved badge variant id read on the logo, or null. */
  badge: string | null;
  findings: Finding[];
  measurement: LogoMeasurement;
}

export interface PageResult {
  page: number;
  /** Pixels of the raster as given (a photo's, not its flattened page's). */
  width: number;
  height: number;
  logos: LogoResult[];
  /** Set when the raster was a photo of a printed page, judged flattened (see src/rectify). */
  rectified?: { quad: Array<[number, number]>; tiltDeg: number; paper: string | null };
  /** On a web page: the picture the logos are on (its URL, or « inline SVG n »); boxes are in its pixels. */
  source?: string;
}

export type FileStatus = 'pass' | 'fail' | 'error';

export interface FileError {
  code: string;
  message: string;
}

/** What an auditor needs to prove what was checked, when, against what. */
export interface Receipt {
  /** Of the file's bytes; absent when the file could not be read. */
  sha256?: string;
  size?: number;
  /** When the analysis started, ISO 8601. */
  checkedAt: string;
  charter: { id: string; sha256: string };
  tool: { name: string; version: string };
  /** Everything declared that changes the verdict. */
  options: ReceiptOptions;
  /** Wall time of the analysis. */
  ms: number;
  /** Set when the result came from --cache: checkedAt and ms are those of the run that analysed it. */
  cached?: boolean;
}

export interface ReceiptOptions {
  lang: Lang;
  dpi: number;
  category?: string;
  medium?: string;
  asOf?: string;
  /** sha256 of the partner's logo given with --partner-logo. */
  partnerLogo?: string;
  /** --documentation: every document's offer documentation judged, OCR where there is no text. */
  documentation?: boolean;
}

export interface FileResult {
  path: string;
  status: FileStatus;
  error?: FileError;
  kind?: SourceKind;
  /** Document date used for the validity rule, ISO 8601. */
  date?: string;
  pages: PageResult[];
  /** Findings about the whole document (validity). */
  findings: Finding[];
  receipt?: Receipt;
}

export interface Summary {
  /** False when the run was interrupted: files holds only what finished. */
  complete: boolean;
  /** Files of the run that were not checked because it was interrupted. */
  unchecked: number;
  files: number;
  passed: number;
  failed: number;
  errors: number;
  logos: number;
  findings: Record<Severity, number>;
}

export interface Report {
  tool: { name: string; version: string };
  /** sha256: of the charter's terms, as in each file's receipt. */
  charter: { id: string; name: string; sha256?: string };
  options: { category?: string; medium?: string; asOf?: string; lang: Lang; shard?: string };
  files: FileResult[];
  summary: Summary;
}
