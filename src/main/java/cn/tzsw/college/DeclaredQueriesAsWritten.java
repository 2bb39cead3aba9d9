package cn.tzsw.college;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactories;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactory;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactoryBean;

/**
 * The repositories' {@code @Query} texts are used as written. Spring Data parses each one at start-up with its own
 * HQL grammar, to be able to add a sort or derive a count query, which no declared query here needs (none takes a
 * {@code Sort} or {@code Pageable}). That parse was a tenth of a start's CPU (JFR: 79 of 718 samples of a later
 * start; Hibernate still parses each query once, to check it). The fallback enhancer, which Spring Data uses for SQL
 * where no SQL parser is present, looks at the text without a grammar and still adds a sort should one be asked for.
 */
@Configuration(proxyBeanMethods = false)
class DeclaredQueriesAsWritten {

    @Bean
    static BeanPostProcessor declaredQueriesWithoutGrammar() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof JpaRepositoryFactoryBean<?, ?, ?> repository) {
                    repository.setQueryEnhancerSelector(WithoutGrammar.class);
                }
                return bean;
            }
        };
    }

    /** Made by Spring Data, through its no-argument constructor. */
    static final class WithoutGrammar implements QueryEnhancerSelector {

        @Override
        public QueryEnhancerFactory select(DeclaredQuery query) {
            return QueryEnhancerFactories.fallback();
        }
    }
}
