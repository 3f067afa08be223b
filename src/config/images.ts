import { parseChoice, parseHttpUrl } from "./parse";

export const IMAGE_SERVICES = ["imgproxy", "thumbor", "imgix", "cloudinary"] as const;

/**
 * The image service that renders responsive images (`Image.url(width…)`,
 * `Image.srcSet`), with its base URL and signing secrets; none by default,
 * and then originals are served as they are.
 */
export type ImageServiceOptions =
  | { service: "imgproxy"; baseUrl: string; signing: { key: string; salt: string } }
  | { service: "thumbor"; baseUrl: string; key: string }
  | { service: "imgix"; baseUrl: string; token: string | null }
  | { service: "cloudinary"; baseUrl: string; apiSecret: string | null };

const HEX = /^(?:[0-9a-fA-F]{2})+$/;
const CLOUD_NAME = /^[A-Za-z0-9_-]+$/;

/** IMAGE_SERVICE, IMAGE_SERVICE_URL and the chosen service's secrets; a mistake stops startup naming the variable. */
export function loadImageService(env: NodeJS.ProcessEnv): ImageServiceOptions | null {
  const raw = env.IMAGE_SERVICE;
  if (raw === undefined || raw === "") {
    if (env.IMAGE_SERVICE_URL) throw new Error(`IMAGE_SERVICE_URL is set but IMAGE_SERVICE is not: set it to one of ${IMAGE_SERVICES.join(", ")}`);
    return null;
  }
  const service = parseChoice("IMAGE_SERVICE", raw, IMAGE_SERVICES, "imgproxy");
  if (!env.IMAGE_SERVICE_URL) throw new Error(`IMAGE_SERVICE_URL must be set when IMAGE_SERVICE=${service}`);
  switch (service) {
    case "imgproxy":
      return {
        service,
        baseUrl: baseUrl(env.IMAGE_SERVICE_URL),
        signing: { key: hex("IMGPROXY_KEY", env.IMGPROXY_KEY), salt: hex("IMGPROXY_SALT", env.IMGPROXY_SALT) },
      };
    case "thumbor":
      if (!env.THUMBOR_KEY) throw new Error("THUMBOR_KEY must be set when IMAGE_SERVICE=thumbor: thumbor URLs are signed");
      return { service, baseUrl: baseUrl(env.IMAGE_SERVICE_URL), key: env.THUMBOR_KEY };
    case "imgix":
      return { service, baseUrl: baseUrl(env.IMAGE_SERVICE_URL), token: env.IMGIX_TOKEN || null };
    case "cloudinary":
      return { service, baseUrl: cloudinaryBase(env.IMAGE_SERVICE_URL), apiSecret: env.CLOUDINARY_API_SECRET || null };
  }
}

function baseUrl(raw: string): string {
  return parseHttpUrl("IMAGE_SERVICE_URL", raw)!;
}

/** Cloudinary's delivery base: a cloud name (`demo` → https://res.cloudinary.com/demo), or a URL (a private CDN or CNAME). */
function cloudinaryBase(raw: string): string {
  if (CLOUD_NAME.test(raw)) return `https://res.cloudinary.com/${raw}`;
  if (URL.canParse(raw) && /^https?:$/.test(new URL(raw).protocol)) return raw;
  throw new Error(`IMAGE_SERVICE_URL must be a Cloudinary cloud name or an http:// or https:// URL when IMAGE_SERVICE=cloudinary, got "${raw}"`);
}

/** imgproxy signs with hex-encoded secrets: both must be set (imgproxy URLs are signed) and decode to bytes. */
function hex(name: string, raw: string | undefined): string {
  if (!raw) throw new Error(`${name} must be set when IMAGE_SERVICE=imgproxy: imgproxy URLs are signed`);
  // The value is a secret: the message does not repeat it.
  if (!HEX.test(raw)) throw new Error(`${name} must be hex-encoded: an even number of the characters 0-9 and a-f`);
  return raw;
}
