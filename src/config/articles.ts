import { ImageServiceOptions, loadImageService } from "./images";
import { parsePositive } from "./parse";

/** What the article module is built with from the environment; every field defaults. */
export interface ArticleSettings {
  /**
   * Reading speed behind `readingTimeMinutes`, derived on write: 230 words a
   * minute is the usual silent-reading speed of adults for non-fiction on
   * screen, the figure most "N min read" lines are based on.
   */
  readingWordsPerMinute: number;
  /** The image service behind `Image.url` and `Image.srcSet`; null serves originals. */
  images: ImageServiceOptions | null;
}

export const DEFAULT_ARTICLE_SETTINGS: ArticleSettings = { readingWordsPerMinute: 230, images: null };

export function loadArticleSettings(env: NodeJS.ProcessEnv): ArticleSettings {
  return {
    readingWordsPerMinute: parsePositive("READING_WORDS_PER_MINUTE", env.READING_WORDS_PER_MINUTE, DEFAULT_ARTICLE_SETTINGS.readingWordsPerMinute),
    images: loadImageService(env),
  };
}
