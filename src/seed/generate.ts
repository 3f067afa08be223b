import { Article, ArticleStatus, contentOf, prepareBody } from "../modules/article";
import { Author, Category, Tag } from "../modules/directory";
import { CommentStatus } from "../modules/comment";
import { slugify } from "../shared/slug";
import { generateBody } from "./article-body";
import { GeneratedComment, generateComments } from "./comments";
import { personName } from "./people";
import { publicationDates } from "./publication-dates";
import { Random } from "./random";
import { fill } from "./template";
import { BIOS, EXCERPTS, IMAGE_ALTS, SECTION_KINDS, SUBTITLES, TAG_QUALIFIERS, TITLES, TOPICS, Topic } from "./vocabulary";

/** How much content to generate, and from which seed. */
export interface GenerationOptions {
  seed: number;
  articles: number;
  authors: number;
  categories: number;
  tags: number;
  /** The mean thread size of a published article; many get none. */
  commentsPerArticle: number;
  /** Articles are published in the three years before it, scheduled ones after it. */
  now: Date;
}

/** One random stream per kind of row, so that kinds do not shift each other. */
const Stream = { author: 1, tag: 2, article: 3 } as const;

const DAY_MS = 24 * 3600 * 1000;
const AUTHOR_SINCE_MS = 4 * 365 * DAY_MS;
/** Authors mostly write for one section. */
const HOME_SECTION_SHARE = 0.7;
/** Most of an article's tags come from its section's topic; the rest from anywhere. */
const TOPIC_TAG_SHARE = 0.85;
const IMAGE_SIZE = { width: 1600, height: 900 };

export type AuthorRow = Omit<Author, "id" | "globalId" | "version">;
export type CategoryRow = Omit<Category, "id" | "globalId" | "version">;
export type TagRow = Omit<Tag, "id" | "globalId" | "version">;
export type ArticleRow = Omit<Article, "id" | "globalId" | "featuredImage" | "authorId" | "categoryId" | "relevance">;

/** An article with its links given as positions in the generated authors, categories and tags. */
export interface GeneratedArticle {
  row: ArticleRow;
  authorIndex: number;
  categoryIndex: number;
  tagIndexes: number[];
  comments: GeneratedComment[];
}

/** Sections take the topics in order; past one per topic they become desks of a topic ("Science: Explainers"). */
export function generateCategory(index: number): CategoryRow {
  const topic = TOPICS[index % TOPICS.length];
  const round = Math.floor(index / TOPICS.length);
  if (round === 0) return { slug: slugify(topic.name), name: topic.name, description: topic.description };
  const kind = SECTION_KINDS[(round - 1) % SECTION_KINDS.length];
  const name = withRound(`${topic.name}: ${kind}`, Math.floor((round - 1) / SECTION_KINDS.length));
  return { slug: slugify(name), name, description: `${kind} from the ${topic.name} desk.` };
}

export function generateAuthor(options: GenerationOptions, index: number): AuthorRow {
  const random = Random.forItem(options.seed, Stream.author, index);
  const person = personName(index);
  const slug = slugify(withRound(person.name, person.round));
  const topic = topicOfCategory(homeCategory(options, index));
  const bio = fill(random.pick(BIOS), random, topic, { name: person.name, topic: topic.name });
  return {
    slug,
    name: person.name,
    bio: random.chance(0.9) ? bio : null,
    avatarUrl: random.chance(0.9) ? `https://images.example.com/authors/${slug}.jpg` : null,
    createdAt: new Date(options.now.getTime() - AUTHOR_SINCE_MS + random.int(0, 365) * DAY_MS),
  };
}

/**
 * Tags are dealt to the topics in turn. A topic's named tags come first,
 * most popular first; past them come qualified ones ("Inflation policy",
 * "Inflation in Asia"), so any number of distinct tags can be generated.
 */
export function generateTag(options: GenerationOptions, index: number): TagRow {
  const topic = TOPICS[index % tagTopicCount(options)];
  const position = Math.floor(index / tagTopicCount(options));
  const named = topic.tags;
  if (position < named.length) return { slug: slugify(named[position]), name: named[position] };
  const combination = position - named.length;
  const qualifierRound = Math.floor(combination / named.length);
  const qualifier = TAG_QUALIFIERS[qualifierRound % TAG_QUALIFIERS.length];
  const name = withRound(`${named[combination % named.length]} ${qualifier}`, Math.floor(qualifierRound / TAG_QUALIFIERS.length));
  return { slug: slugify(name), name };
}

export function generateArticle(options: GenerationOptions, index: number): GeneratedArticle {
  const random = Random.forItem(options.seed, Stream.article, index);
  const authorIndex = Math.floor(options.authors * random.next() ** 1.5);
  const categoryIndex = random.chance(HOME_SECTION_SHARE) ? homeCategory(options, authorIndex) : random.int(0, options.categories - 1);
  const topic = topicOfCategory(categoryIndex);
  const title = fill(random.pick(TITLES), random, topic);
  const slug = `${slugify(title)}-${index + 1}`;
  const { html, blocks, ...derived } = prepareBody(generateBody(random, topic));
  const dates = publicationDates(random, options, index);
  const comments =
    dates.status === ArticleStatus.PUBLISHED && dates.publishedAt
      ? generateComments(random, { publishedAt: dates.publishedAt, now: options.now, blocks, averageCount: options.commentsPerArticle })
      : [];
  const imageAlt = fill(random.pick(IMAGE_ALTS), random, topic);
  const row: ArticleRow = {
    slug,
    title,
    subtitle: random.chance(0.6) ? fill(random.pick(SUBTITLES), random, topic) : null,
    editorExcerpt: random.chance(0.3) ? fill(random.pick(EXCERPTS), random, topic) : null,
    seoTitle: null,
    seoDescription: null,
    body: html,
    ...derived,
    content: contentOf(html, null),
    keepReadingAfterBlockId: null,
    keepReadingId: null,
    ...dates,
    firstPublishedAt: dates.status === ArticleStatus.PUBLISHED ? dates.publishedAt : null,
    commentCount: comments.filter((comment) => comment.row.status === CommentStatus.APPROVED).length,
    imageUrl: `https://images.example.com/articles/${slug}.jpg`,
    imageAlt,
    imageCaption: `${imageAlt}. Photograph: ${personName(random.int(0, 999)).name} for Broadsheet`,
    imageWidth: IMAGE_SIZE.width,
    imageHeight: IMAGE_SIZE.height,
    imageFocalX: null,
    imageFocalY: null,
  };
  return { row, authorIndex, categoryIndex, tagIndexes: articleTags(random, options, categoryIndex), comments };
}

/** 1 to 5 distinct tags, mostly the popular ones of the article's topic. */
function articleTags(random: Random, options: GenerationOptions, categoryIndex: number): number[] {
  const topicCount = tagTopicCount(options);
  const topic = categoryIndex % TOPICS.length;
  const topicTags = Math.ceil(Math.max(0, options.tags - topic) / topicCount);
  const chosen = new Set<number>();
  const wanted = Math.min(options.tags, random.int(1, 5));
  while (chosen.size < wanted) {
    const fromTopic = topicTags > 0 && random.chance(TOPIC_TAG_SHARE);
    chosen.add(fromTopic ? topic + topicCount * Math.floor(topicTags * random.next() ** 2) : random.int(0, options.tags - 1));
  }
  return [...chosen];
}

function homeCategory(options: GenerationOptions, authorIndex: number): number {
  return authorIndex % options.categories;
}

function topicOfCategory(categoryIndex: number): Topic {
  return TOPICS[categoryIndex % TOPICS.length];
}

/** Tags only go to the topics that have a section. */
function tagTopicCount(options: GenerationOptions): number {
  return Math.min(options.categories, TOPICS.length);
}

function withRound(name: string, round: number): string {
  return round === 0 ? name : `${name} ${round + 1}`;
}
