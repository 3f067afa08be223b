import { DirectoryServices } from "../directory";
import { ServiceDeps } from "../feature-module";
import { SitemapSource } from "./sitemaps/sitemap-source";

export function syndicationServices({ dataSource, publisher, sitemaps, services }: ServiceDeps<DirectoryServices>) {
  return {
    sitemaps: new SitemapSource(dataSource, services.urls, sitemaps),
    /** Who publishes (PUBLISHER_NAME, PUBLICATION_LANGUAGE), as the news sitemap names it. */
    publication: publisher,
  };
}

/** What the syndication routes use: their own services and the directory's canonical URLs. */
export type SyndicationServices = DirectoryServices & ReturnType<typeof syndicationServices>;
