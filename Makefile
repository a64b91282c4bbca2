# zoneassess — the two commands a new user needs are `make run` and `make test`.
SHELL := /bin/bash
MVN ?= mvn -B -q
OUT ?= out
SAMPLE ?= $(OUT)/sample
SEED ?= 42
SCALE ?= province
CLUSTER_SCALE ?= small
ZONEASSESS := bin/zoneassess

SOURCES := $(shell find pom.xml data-schema jobs reports -path '*/target' -prune -o -type f \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -print 2>/dev/null)
BUILD_STAMP := jobs/target/.build-stamp

.PHONY: run test build cds font sample docs bench cluster-test dist fmt clean help

help:
	@echo "make run           whole pipeline on the sample province (outputs under $(OUT)/)"
	@echo "make test          the whole test suite (mvn verify)"
	@echo "make bench         benchmark harness (not part of the tests)"
	@echo "make dist          application jar for spark-submit (dist/target) + bin/zoneassess-submit"
	@echo "make cluster-test  pipeline on a standalone Spark cluster and on YARN + HDFS miniclusters"
	@echo "make docs          regenerate docs/data-dictionary.md and docs/marts.md from the declarations"

build: $(BUILD_STAMP) cds

$(BUILD_STAMP): $(SOURCES)
	$(MVN) -DskipTests package
	@touch $@

# Class-data sharing archive for bin/zoneassess (jobs/target/cds/, a build output): rebuilt by a
# training run whenever it does not match the current jars, JVM and flags; see bin/lib/cds.sh.
cds: $(BUILD_STAMP)
	@bin/lib/cds.sh ensure

font:
	@bin/ensure-font

$(SAMPLE)/.complete: | $(BUILD_STAMP)
	$(ZONEASSESS) sample --seed $(SEED) --scale $(SCALE) --out $(SAMPLE)

sample: build $(SAMPLE)/.complete

run: build font sample
	$(ZONEASSESS) run --input $(SAMPLE) --out $(OUT)

test: font
	mvn -B verify

docs: build
	$(ZONEASSESS) docs --out docs

bench: build font
	bin/bench

DIST_JAR := dist/target/zoneassess-0.1.0-SNAPSHOT-app.jar

dist: $(DIST_JAR)

$(DIST_JAR): $(SOURCES) dist/pom.xml
	$(MVN) -Pdist -DskipTests package
	@ls -l $@

cluster-test: build font
	SCALE=$(CLUSTER_SCALE) bin/cluster-test
	bin/cluster-test-yarn

fmt:
	mvn -B -q spotless:apply

clean:
	mvn -B -q -Pcluster clean
	rm -rf $(OUT)
