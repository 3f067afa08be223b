# syntax=docker/dockerfile:1
# Broadsheet's image: `docker build -t broadsheet .`; docs/production.md says how to run it.
ARG NODE_VERSION=24

# Compiles the TypeScript (with the dev dependencies: typescript, the type packages).
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 builds from source when no prebuilt binary fits the platform.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ormconfig.ts ./
COPY src ./src
RUN npx tsc -p .

# The production dependencies alone, native modules built for the runtime's Node.
FROM node:${NODE_VERSION}-bookworm-slim AS dependencies
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:${NODE_VERSION}-bookworm-slim
ENV NODE_ENV=production PORT=4000
WORKDIR /app
COPY --from=dependencies /app/node_modules ./node_modules
COPY --from=build /app/dist/ormconfig.js ./dist/ormconfig.js
COPY --from=build /app/dist/src ./dist/src
COPY package.json ./
COPY operations ./operations
# ./data holds the SQLite file and the mail file when no database or SMTP server is configured.
RUN mkdir data && chown node:node data
USER node
EXPOSE 4000
# /readyz: the database answers and the instance is not draining (503 during a graceful shutdown).
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/readyz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# `node` itself, not `npm start` (which would compile first): it receives SIGTERM and drains.
CMD ["node", "dist/src/main.js"]
