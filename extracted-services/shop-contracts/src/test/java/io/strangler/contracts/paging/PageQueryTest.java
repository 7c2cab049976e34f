package io.strangler.contracts.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strangler.contracts.problem.InvalidField;
import io.strangler.contracts.problem.ProblemType;
import io.strangler.contracts.problem.ShopProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageQueryTest {

    @Test
    void defaultsToTheFirstPageOfTwenty() {
        assertThat(PageQuery.of(null, null)).isEqualTo(new PageQuery(0, 20));
    }

    @Test
    void reportsEveryParameterOutOfRange() {
        assertThatThrownBy(() -> PageQuery.of(-1, 101))
                .isInstanceOfSatisfying(ShopProblem.class, problem -> {
                    assertThat(problem.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
                    assertThat(problem.errors()).extracting(InvalidField::field)
                            .containsExactly("page", "size");
                });
    }

    @Test
    void countsPagesRoundingUp() {
        assertThat(PagedResponse.of(List.of(), 0, 20, 41).totalPages()).isEqualTo(3);
        assertThat(PagedResponse.of(List.of(), 0, 20, 0).totalPages()).isZero();
        assertThat(new PageQuery(3, 20).offset()).isEqualTo(60);
    }
}
