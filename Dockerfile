# syntax=docker/dockerfile:1
# Build with dev dependencies, then run only the compiled output and production dependencies as a
# non-root user. Migrations run at start (and with `freetobehome migrate`), never during the build.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# `npm ci` runs the `prepare` script, which finds no sources yet and leaves the build to `npm run build`.
COPY scripts ./scripts
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
COPY platforms ./platforms
COPY db ./db
COPY data ./data
RUN npm run build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    DATA_DIR=/var/lib/freetobehome
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` builds a checkout, and the image already has its build (and no scripts/).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
# The build carries what it reads at run time (migrations, sample data): see scripts/build.js.
COPY --from=build /app/dist ./dist
COPY bin ./bin
RUN groupadd --system bot && useradd --system --gid bot --home-dir /app bot \
    && mkdir -p /var/lib/freetobehome && chown bot:bot /var/lib/freetobehome
USER bot
VOLUME ["/var/lib/freetobehome"]
EXPOSE 8080 3000
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:'+(process.env.HTTP_PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["node", "bin/freetobehome.js"]
CMD ["start"]
