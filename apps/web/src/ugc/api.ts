/** The signed-in viewer's own state for one film (ugc's MyFilmView). */
export interface MyFilm {
  filmId: string;
  liked: boolean;
  score: number | null;
  wanted: boolean;
  progress: { positionSeconds: number; durationSeconds: number; updatedAt: string } | null;
  likeCount: number;
  ratingCount: number;
  averageRating: number;
  review: Review | null;
}

export interface Progress {
  filmId: string;
  positionSeconds: number;
  durationSeconds: number;
  updatedAt: string;
}

/** A review as ugc returns it; status is pending until support publishes it. */
export interface Review {
  id: string;
  filmId: string;
  authorId: string;
  authorName: string;
  body: string;
  status: 'pending' | 'published' | 'rejected';
  moderationNote: string | null;
  writtenAt: string;
}

export interface ReviewPage {
  items: Review[];
  nextCursor: string;
}

/** Review length limits, as ugc checks them. */
export const REVIEW_MIN = 10;
export const REVIEW_MAX = 4000;
