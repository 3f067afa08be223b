import { ImageServiceOptions } from "../config";
import { CloudinaryUrls } from "./cloudinary";
import { ImageUrlBuilder } from "./image-service";
import { ImgixUrls } from "./imgix";
import { ImgproxyUrls } from "./imgproxy";
import { ThumborUrls } from "./thumbor";

/** The URL builder of the configured image service (`IMAGE_SERVICE`); null when there is none and originals are served as they are. */
export function createImageUrls(options: ImageServiceOptions | null): ImageUrlBuilder | null {
  switch (options?.service) {
    case undefined:
      return null;
    case "imgproxy":
      return new ImgproxyUrls(options.baseUrl, options.signing);
    case "thumbor":
      return new ThumborUrls(options.baseUrl, options.key);
    case "imgix":
      return new ImgixUrls(options.baseUrl, options.token);
    case "cloudinary":
      return new CloudinaryUrls(options.baseUrl, options.apiSecret);
  }
}
