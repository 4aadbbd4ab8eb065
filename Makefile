# AttractorBench entry points (docs/conformance.md). The project's own build is Maven:
# ./mvnw -B -ntp verify is the test command; these targets wrap it for the benchmark.
#
#   make build        the ./factory jar and the class cache of bin/conformance; a no-op when both are current
#   make test         the whole test suite; the log ends with "N passed, M failed"
#   make conformance  runs bin/conformance per check against our mock of the benchmark's server (docs/conformance.md)

SHELL := /bin/bash
MODULES := darkfactory-llm darkfactory-testkit darkfactory-agent darkfactory-pipeline darkfactory-server darkfactory-cli
JAR := darkfactory-cli/target/factory.jar
CACHE_STAMP := darkfactory-cli/target/conformance-launch.sh
SOURCES := pom.xml $(wildcard $(addsuffix /pom.xml,$(MODULES))) \
	$(shell find $(addsuffix /src/main,$(MODULES)) -type f 2>/dev/null)

.PHONY: build test conformance
build: $(CACHE_STAMP)

$(JAR): $(SOURCES)
	./mvnw -B -q -ntp -DskipTests -pl darkfactory-cli -am package
	@touch $@

$(CACHE_STAMP): $(JAR) bin/conformance-cache
	bin/conformance-cache

test:
	@rm -rf $(addsuffix /target/surefire-reports,$(MODULES))
	@status=0; ./mvnw -B -ntp verify || status=$$?; bin/test-summary; exit $$status

# The self-check is test code (darkfactory-cli/src/test/java/.../conformance/check), not part of the jar:
# it is compiled into target/test-classes and run next to the jar, with the testkit's jar for our mock.
SELFCHECK_SOURCES := $(shell find darkfactory-cli/src/test/java/dev/darkfactory/cli/conformance/check -type f 2>/dev/null)
SELFCHECK := darkfactory-cli/target/test-classes/dev/darkfactory/cli/conformance/check/SelfCheck.class

$(SELFCHECK): $(JAR) $(SELFCHECK_SOURCES)
	./mvnw -B -q -ntp -DskipTests -pl darkfactory-cli -am test-compile
	@touch $@

conformance: build $(SELFCHECK)
	@. darkfactory-cli/target/conformance-launch.sh && "$$CONFORMANCE_JAVA" \
		-cp $(JAR):darkfactory-cli/target/test-classes:darkfactory-cli/target/twin/darkfactory-testkit.jar \
		dev.darkfactory.cli.conformance.check.SelfCheck --adapter bin/conformance
