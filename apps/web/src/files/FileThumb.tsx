import { contentUrl, type StoredFile } from './api';

const GLYPHS: Record<StoredFile['kind'], string> = {
  AUDIO: '♪',
  VIDEO: '▶',
  IMAGE: '▣',
  DOCUMENT: '▤',
  SUBTITLES: '“”',
  STILLS: '▦',
};

/** A file's thumbnail when it has one, otherwise an icon for its kind. */
export function FileThumb({ file, token }: { file: StoredFile; token: string | null }) {
  if (file.hasThumbnail) {
    return <img className="file-thumb" src={contentUrl(file, token, 'thumbnail')} alt="" loading="lazy" />;
  }
  return (
    <span className={`file-thumb file-thumb--${file.kind.toLowerCase()}`} aria-hidden="true">
      {GLYPHS[file.kind]}
    </span>
  );
}
