package io.strangler.flags.accounts;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The accounts of an application that declares an {@link Accounts} bean (its prefix and name): a bcrypt
 * {@link PasswordEncoder} and the checked in-memory users, in place of Spring Boot's generated user. The application
 * keeps its filter chains (its path rules), built with {@link AccountsSecurity}.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
@ConditionalOnBean(Accounts.class)
public class FlagAccountsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PasswordEncoder passwordEncoder() {
        return AccountsSecurity.passwordEncoder();
    }

    @Bean
    @ConditionalOnMissingBean(UserDetailsService.class)
    InMemoryUserDetailsManager flagAccountsUsers(Accounts accounts, Environment environment, PasswordEncoder encoder) {
        return accounts.users(accounts.properties(environment), encoder);
    }
}
