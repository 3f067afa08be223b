import { BatchLoader, LoaderFactory } from "../../../shared/pagination/paged-loader";
import { ReadWindow } from "./read-window";
import { ViewService } from "./view.service";

export function createViewLoaders(views: ViewService, make: LoaderFactory) {
  const byWindow = new Map<ReadWindow, BatchLoader<number, number>>();
  return {
    /** Articles' view counts in one window: one statement per window a request asks for, however many articles show it. */
    viewCountByArticle(window: ReadWindow): BatchLoader<number, number> {
      let loader = byWindow.get(window);
      if (!loader) byWindow.set(window, (loader = make.batch((ids: readonly number[]) => views.counts(window, ids))));
      return loader;
    },
  };
}
