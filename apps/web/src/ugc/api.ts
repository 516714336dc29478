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
}

export interface Progress {
  filmId: string;
  positionSeconds: number;
  durationSeconds: number;
  updatedAt: string;
}
