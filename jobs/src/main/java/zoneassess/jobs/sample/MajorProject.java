package zoneassess.jobs.sample;

import java.time.LocalDate;

/** One row of the sample major-project register; dates are null when the stage is not reached. */
public record MajorProject(
    String projectId,
    String projectName,
    String zoneCode,
    double investment100mCny,
    Double foreignInvestment100mUsd,
    String industryChain,
    LocalDate signedDate,
    LocalDate constructionStartDate,
    LocalDate productionDate,
    LocalDate targetMetDate,
    String status) {}
