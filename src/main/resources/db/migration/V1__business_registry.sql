-- The business registry (経営カルテ): the chamber's clients, imported from the office system.
-- Plain SQL that H2 and PostgreSQL read alike.
create table business (
  id                 varchar(50)  not null primary key,
  name               varchar(200) not null,
  name_kana          varchar(200),
  legal_form         varchar(20)  not null,
  industry           varchar(50)  not null,
  employees          integer      not null,
  representative     varchar(100),
  representative_age integer,
  address            varchar(300),
  phone              varchar(30),
  email              varchar(254),
  chamber_member     boolean      not null,
  advisor            varchar(64),
  updated_at         timestamp    not null
);

create index business_advisor on business (advisor);
