package cn.fulian.rights.privacy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cipher is built at startup so a missing or malformed key stops the service at once, before any case can be
 * written unprotected or read undecryptable.
 */
@Configuration(proxyBeanMethods = false)
public class EncryptionConfiguration {

    @Bean
    PersonalDataCipher personalDataCipher(@Value("${fulian.rights.encryption-key:}") String key) {
        return PersonalDataCipher.fromBase64(key);
    }
}
