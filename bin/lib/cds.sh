#!/usr/bin/env bash
# shellcheck shell=bash
# Class-data sharing (dynamic AppCDS, Java 17) for bin/zoneassess: an archive of the classes a
# training run loaded (Spark, Hadoop, Parquet, POI, the project), mapped into memory at start
# instead of being read from ~190 jars, verified and parsed again by every command.
#
# The archive is a build output: jobs/target/cds/zoneassess.jsa, never committed. Next to it,
# zoneassess.jsa.key holds a hash of what the archive was built for: the java binary, the JVM
# flags and every classpath jar's path, size and modification time. bin/zoneassess uses the
# archive only when the key of the current build matches; after `mvn package` changed a jar the
# archive is ignored (silently) until `make build` rebuilds it. The JVM checks the same again
# (jar sizes and times) and, with the cds log tags off, falls back quietly.
#
# Sourced by bin/zoneassess (cds_key, cds_flags_for). Run as a script:
#   bin/lib/cds.sh ensure   build the archive unless the current one matches the build (make build)
#   bin/lib/cds.sh build    build it anyway
#   bin/lib/cds.sh status   say whether bin/zoneassess would use it
# ZONEASSESS_CDS=0 turns the archive off in bin/zoneassess.

cds_dir() { echo "$1/jobs/target/cds"; }

# cds_key CLASSPATH FLAG… — the hash the archive must carry to be used with this classpath and flags.
cds_key() {
  local cp="$1"
  shift
  local java_bin
  java_bin="$(readlink -f "$(command -v java)")"
  local IFS=':'
  # shellcheck disable=SC2086
  {
    stat -c '%n %s %Y' "$java_bin"
    printf '%s\n' "$@"
    stat -c '%n %s %Y' $cp
  } 2>&1 | sha256sum | cut -d' ' -f1
}

# cds_flags_for HOME CLASSPATH FLAG… — sets the array cds_flags: the archive flags when a matching
# archive exists, else nothing.
cds_flags_for() {
  local home="$1" cp="$2"
  shift 2
  cds_flags=()
  local dir
  dir="$(cds_dir "$home")"
  [[ "${ZONEASSESS_CDS:-1}" != 0 && -s "$dir/zoneassess.jsa" && -s "$dir/zoneassess.jsa.key" ]] || return 0
  [[ "$(cat "$dir/zoneassess.jsa.key")" == "$(cds_key "$cp" "$@")" ]] || return 0
  cds_flags=(-XX:SharedArchiveFile="$dir/zoneassess.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off)
}

# The training run: the index command on a small synthetic table (written here, under target/)
# with the shipped HDI methodology — session start, CSV and Parquet reading and writing, window
# functions, aggregation and code generation, the classes every command needs.
cds_build() {
  local home="$1" dir
  dir="$(cds_dir "$home")"
  mkdir -p "$dir/train"
  printf '%s\n' 'iso3,is_aggregate,le,eys,mys,gnipc' 'AAA,0,70.5,12.1,8.2,12000' \
    'BBB,0,80.2,16.4,12.5,45000' 'CCC,0,60.1,9.3,4.1,2100' 'ZZA,1,70,12,8,10000' \
    >"$dir/train/table.csv"
  rm -f "$dir/new.jsa" "$dir/new.jsa.key"
  echo "zoneassess: building the class-data sharing archive (training run, log in $dir/build.log)…" >&2
  local t0=$SECONDS
  if ! ZONEASSESS_CDS_DUMP="$dir/new.jsa" "$home/bin/zoneassess" index \
    --methodology classpath:methodologies/conformance/hdi-2022.yaml \
    --data "$dir/train/table.csv" --id-column iso3 --out "$dir/train/out" >"$dir/build.log" 2>&1 ||
    [[ ! -s "$dir/new.jsa" || ! -s "$dir/new.jsa.key" ]]; then
    echo "zoneassess: the class-data sharing archive was not built (see $dir/build.log); commands run without it" >&2
    rm -f "$dir/new.jsa" "$dir/new.jsa.key"
    return 0
  fi
  # key last: a reader never sees a new key with an old archive
  rm -f "$dir/zoneassess.jsa.key"
  mv -f "$dir/new.jsa" "$dir/zoneassess.jsa"
  mv -f "$dir/new.jsa.key" "$dir/zoneassess.jsa.key"
  rm -rf "$dir/train"
  echo "zoneassess: class-data sharing archive $dir/zoneassess.jsa ($(du -m "$dir/zoneassess.jsa" | cut -f1) MB, $((SECONDS - t0)) s)" >&2
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  case "${1:-}" in
    build) cds_build "$home" ;;
    ensure | status)
      if [[ "$(ZONEASSESS_CDS_STATUS=1 "$home/bin/zoneassess")" == "cds: in use" ]]; then
        if [[ "$1" == status ]]; then
          echo "class-data sharing archive is current: $(cds_dir "$home")/zoneassess.jsa"
        fi
      elif [[ "$1" == ensure ]]; then
        cds_build "$home"
      else
        echo "no current class-data sharing archive (make build builds it)"
      fi
      ;;
    *)
      echo "usage: bin/lib/cds.sh ensure|build|status" >&2
      exit 2
      ;;
  esac
fi
